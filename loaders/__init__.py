"""Loaders turn input files into batches of entities and relations, chosen by file type."""
