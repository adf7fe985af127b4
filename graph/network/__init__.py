"""The graph as a network: projection of the store, centrality and communities (analysis), layout, the explorer page."""
