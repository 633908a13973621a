"""The sine-fit tab: a 1-8-8-1 ReLU network tuned by hand against a sine."""
