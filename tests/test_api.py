"""The public face: everything public imports, nothing private leaks, the package is typed."""

from __future__ import annotations

import importlib.resources

import pytest

import perfcheck


def test_all_names_import() -> None:
    for name in perfcheck.__all__:
        assert getattr(perfcheck, name) is not None


def test_nothing_private_is_exported() -> None:
    assert all(not name.startswith("_") or name == "__version__" for name in perfcheck.__all__)
    # names starting with "@" are pytest's assertion rewriting (the plugin's distribution is rewritten)
    public = {n for n in dir(perfcheck) if not n.startswith(("_", "@"))}
    modules = {"rules", "render", "cli", "testing", "fuzz", "extract", "strategies"}
    assert public - modules - {"annotations"} <= set(perfcheck.__all__)


def test_package_is_typed() -> None:
    assert importlib.resources.files("perfcheck").joinpath("py.typed").is_file()


def test_check_rejects_what_it_cannot_read() -> None:
    with pytest.raises(TypeError, match="cannot check a int"):
        perfcheck.check(3)  # type: ignore[arg-type]


def test_core_does_not_import_the_renderers_or_the_command_line() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys, perfcheck; perfcheck.check('examples/seed-ziyang-fulian-2021.json');"
        "print(sorted(m for m in sys.modules if m in ('perfcheck.render', 'perfcheck.cli', 'tabulate')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_batch_and_series_names_are_public() -> None:
    for name in ("check_many", "check_one", "BatchItem", "check_series", "SeriesResult", "series_registry"):
        assert name in perfcheck.__all__
    assert perfcheck.check_one.__module__ == "perfcheck._batch"  # top level: picklable by reference
