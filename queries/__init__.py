"""Questions asked of the graph: named queries (networkx and Cypher), embedded Cypher, row output."""
