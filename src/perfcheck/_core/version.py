"""The version of perfcheck, in one place."""

VERSION = "0.1.0"
