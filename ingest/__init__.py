"""From sources to records: reference YAML and articles become entities and statements.

What graph may use of ingest is in one module, `contract.py`.
"""
