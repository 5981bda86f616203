"""Support for the tests and the benchmarks, not shipped with the package: a throwaway FalkorDB
server (falkordb_server, falkordb_sandbox) and a synthetic graph generator (synthetic).

Tests import it as ``support`` (pytest puts tests/ on the path); bench/ scripts put tests/ on
``sys.path`` first."""
