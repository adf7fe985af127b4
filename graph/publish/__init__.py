"""The graph as files for others: RDF and network exports, the VoID/DCAT description, ontology documentation."""
