"""From Documents to a published store: IRIs (mint), quads, event identity across articles, article ingest, the build job."""
