"""Golden Thread: outcomes in plans for children and young people with SEND."""

__version__ = "0.1.0"
