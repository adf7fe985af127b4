"""Where the quads live: the Store interface, the embedded Oxigraph store and its atomic publish
(embedded), SPARQL 1.1 endpoints (remote)."""
