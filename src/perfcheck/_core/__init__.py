"""The vocabulary every layer shares: errors, limits, intervals, units, values, formulas, messages.

Imports nothing else of perfcheck.
"""
