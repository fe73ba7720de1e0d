"""Benchmarks and evaluations; run with `make bench` or `python -m bench`."""
