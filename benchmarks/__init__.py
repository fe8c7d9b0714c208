"""Benchmarks of issue 7: every figure a ratio of two measurements taken in one run.

Run them all with ``make bench`` (``python -m benchmarks``); see docs/benchmarks.md.
"""
