"""From sources to records: reference YAML and articles become entities and statements."""
