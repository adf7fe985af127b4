"""`casckg serve`: the web app, its query workers, the SPARQL guard, content negotiation and linked-data pages."""
