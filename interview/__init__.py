"""interview: practise Machine Learning Engineer interviews in the terminal."""

__version__ = "0.1.0"
