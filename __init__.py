"""endorsegraph: an endorsement knowledge graph built from political news and curated records."""

__version__ = "0.1.0"
