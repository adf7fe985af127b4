"""The store and everything built on it: build, checks, queries, network, export, server."""
