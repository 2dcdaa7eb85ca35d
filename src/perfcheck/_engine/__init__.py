"""The checking engine: relations as intervals, the rule context, the run loop, the column screen.

It names no rule and imports no renderer.
"""
