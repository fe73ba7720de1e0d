"""Run every benchmark: `make bench` or `python -m bench`."""

from bench import scoring_eval, scoring_speed

scoring_speed.main()
print()
scoring_eval.main()
