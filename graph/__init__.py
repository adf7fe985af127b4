"""The store and everything built on it, in rooms that follow the flow: build/ (Documents to a
published store), store/, reason.py, check.py, query.py, network/, publish/, web/, and cli/."""
