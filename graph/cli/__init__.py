"""`casckg`: the command line."""
