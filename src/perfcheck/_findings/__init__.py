"""Findings: what a check found, as plain data, and acknowledged findings (baselines)."""
