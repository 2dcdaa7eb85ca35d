"""Build the small example documents that rules carry as passing and failing cases."""

from __future__ import annotations

from typing import Any


def doc(*figures: dict[str, Any], relations: list[dict[str, Any]], unit: str = "万元") -> dict[str, Any]:
    """A ledger document (as data) in ``unit`` with the given figures and relations."""
    return {
        "perfcheck": "1",
        "unit": unit,
        "locale": "zh_CN",
        "figures": list(figures),
        "relations": relations,
    }


def fig(fid: str, value: str, label: str | None = None, **extra: Any) -> dict[str, Any]:  # noqa: ANN401
    """A figure as data."""
    out: dict[str, Any] = {"id": fid, "value": value}
    if label:
        out["label"] = label
    out.update(extra)
    return out
