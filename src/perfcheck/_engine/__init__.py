"""The checking engine: relations as intervals, the rule context, the run loop, the column screen.

It names no rule and imports no renderer. The run loop over models (``run``) is loaded
when first asked for as ``_engine.run`` (:mod:`perfcheck._core.lazy`): the fast path
(``outcome``) reaches it only for the part of a document it escalates.
"""

from perfcheck._core.lazy import submodules

__getattr__ = submodules(__name__, ("run",))
