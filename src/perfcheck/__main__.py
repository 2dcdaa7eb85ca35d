"""``python -m perfcheck``: the command line."""

from perfcheck.cli import entry

entry()
