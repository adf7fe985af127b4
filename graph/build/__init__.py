"""From Documents to a published store: IRIs (mint), quads, event identity across articles (identity),
article ingest (articles), the build job (job)."""
