"""One module per input format; each turns files into `Document`s."""
