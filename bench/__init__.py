"""Reproducible benchmarks. Run one with ``python -m bench.<name>``; ``python -m bench`` lists them.

Results are recorded in ``docs/benchmarks.md`` together with the command that produced them.
"""
