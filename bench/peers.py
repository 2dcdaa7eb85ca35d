"""The peers: the same checks written with pandas (groupby), pandera (pandas plus a
schema validating the frames first) and polars.

All three work on two frames: figures (doc, id, value) and relations (doc, id, kind
and the operand columns). Sums and balances become signed edges (doc, relation,
figure, weight) joined to the values and grouped by relation; shares become one row
per relation with the part, whole and stated share joined in.

Like the floor, values are integers in half-cents (every figure in W1 and W2 has two
decimals, so each half-ulp is 1 and a relation's tolerance is its number of figures).
pandas and polars assume that format; pandera checks it. Findings are returned as a
set of (doc, relation id); W1 has one document, doc 0.
"""

from __future__ import annotations

from typing import Any

import orjson

# --- pandas ----------------------------------------------------------------------


def _pd_frames(docs: list[dict[str, Any]]) -> tuple[Any, Any]:
    import pandas as pd  # noqa: PLC0415

    fig_doc = [k for k, d in enumerate(docs) for _ in d["figures"]]
    figs = pd.DataFrame.from_records([f for d in docs for f in d["figures"]], columns=["id", "value"])
    figs["doc"] = fig_doc
    rel_doc = [k for k, d in enumerate(docs) for _ in d["relations"]]
    rels = pd.DataFrame.from_records([r for d in docs for r in d["relations"]])
    rels["doc"] = rel_doc
    return figs, rels


def _pd_findings(figs: Any, rels: Any) -> set[tuple[int, str]]:  # noqa: ANN401
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    v = figs["value"].str.replace(".", "", regex=False).str.rstrip("%").astype("int64") * 2
    values = pd.Series(v.to_numpy(), index=pd.MultiIndex.from_arrays([figs["doc"], figs["id"]]))
    pieces = []

    def edges(col: str, weight: int, kind: str) -> None:
        if col not in rels:
            return
        sub = rels.loc[rels["kind"] == kind, ["doc", "id", col]]
        if sub.empty:
            return
        if sub[col].map(type).eq(list).any():
            sub = sub.explode(col)
        pieces.append(
            pd.DataFrame(
                {
                    "doc": sub["doc"].to_numpy(),
                    "rel": sub["id"].to_numpy(),
                    "fig": sub[col].to_numpy(),
                    "w": weight,
                }
            )
        )

    edges("total", -1, "sum")
    edges("parts", 1, "sum")
    edges("inflows", 1, "balance")
    edges("outflows", -1, "balance")
    e = pd.concat(pieces, ignore_index=True)
    idx = pd.MultiIndex.from_arrays([e["doc"], e["fig"]])
    e["wv"] = values.reindex(idx).to_numpy() * e["w"].to_numpy()
    g = e.groupby(["doc", "rel"], sort=False)["wv"].agg(["sum", "size"])
    bad = g[g["sum"].abs() > g["size"]]
    out = {(int(d), r) for d, r in bad.index}
    if "stated" in rels:
        sh = rels.loc[rels["kind"] == "share", ["doc", "id", "part", "whole", "stated"]]
        if not sh.empty:

            def val(col: str) -> Any:  # noqa: ANN401
                return values.reindex(pd.MultiIndex.from_arrays([sh["doc"], sh[col]])).to_numpy()

            p, w, s = val("part"), val("whole"), val("stated")
            w_lo, w_hi = w - 1, w + 1
            broken = (w_lo > 0) & (((s - 1) * w_lo > 20_000 * (p + 1)) | ((s + 1) * w_hi < 20_000 * (p - 1)))
            mask = np.asarray(broken)
            docs, ids = sh["doc"].to_numpy()[mask], sh["id"].to_numpy()[mask]
            out.update((int(d), r) for d, r in zip(docs, ids, strict=True))
    return out


def pandas_w1(data: bytes) -> set[str]:
    """W1 with pandas."""
    figs, rels = _pd_frames([orjson.loads(data)])
    return {r for _, r in _pd_findings(figs, rels)}


def pandas_w2(data: bytes) -> set[tuple[int, str]]:
    """W2 with pandas: every line parsed, then one pair of frames for the file."""
    docs = [orjson.loads(line) for line in data.splitlines() if line]
    return _pd_findings(*_pd_frames(docs))


# --- pandera ---------------------------------------------------------------------


def _schemas() -> tuple[Any, Any]:
    import pandera.pandas as pa  # noqa: PLC0415

    figures = pa.DataFrameSchema(
        {
            "doc": pa.Column(int),
            "id": pa.Column(str),
            "value": pa.Column(str, pa.Check.str_matches(r"^\d+\.\d\d%?$")),
        },
        unique=["doc", "id"],
    )
    relations = pa.DataFrameSchema(
        {
            "doc": pa.Column(int),
            "id": pa.Column(str),
            "kind": pa.Column(str, pa.Check.isin(["sum", "balance", "share"])),
        },
        unique=["doc", "id"],
    )
    return figures, relations


_SCHEMAS: tuple[Any, Any] | None = None


def _validated(figs: Any, rels: Any) -> tuple[Any, Any]:  # noqa: ANN401
    global _SCHEMAS  # noqa: PLW0603
    if _SCHEMAS is None:
        _SCHEMAS = _schemas()
    return _SCHEMAS[0].validate(figs), _SCHEMAS[1].validate(rels)


def pandera_w1(data: bytes) -> set[str]:
    """W1 with pandas, the frames validated by pandera first."""
    figs, rels = _validated(*_pd_frames([orjson.loads(data)]))
    return {r for _, r in _pd_findings(figs, rels)}


def pandera_w2(data: bytes) -> set[tuple[int, str]]:
    """W2 with pandas, the frames validated by pandera first."""
    docs = [orjson.loads(line) for line in data.splitlines() if line]
    return _pd_findings(*_validated(*_pd_frames(docs)))


# --- polars ----------------------------------------------------------------------


def _pl_findings(df: Any) -> set[tuple[int, str]]:  # noqa: ANN401
    """``df``: one row per document with ``doc``, ``figures`` and ``relations`` lists."""
    import polars as pl  # noqa: PLC0415

    figs = (
        df.select("doc", "figures")
        .explode("figures")
        .unnest("figures")
        .select(
            "doc",
            pl.col("id").alias("fig"),
            (pl.col("value").str.replace_all(r"[.%]", "").cast(pl.Int64) * 2).alias("v"),
        )
    )
    rels = df.select("doc", "relations").explode("relations").unnest("relations")
    cols = set(rels.columns)
    parts = []
    for col, weight, kind in (
        ("total", -1, "sum"),
        ("parts", 1, "sum"),
        ("inflows", 1, "balance"),
        ("outflows", -1, "balance"),
    ):
        if col not in cols:
            continue
        sub = rels.filter(pl.col("kind") == kind).select(
            "doc", pl.col("id").alias("rel"), pl.col(col).alias("fig")
        )
        if sub.schema["fig"] != pl.String:
            sub = sub.explode("fig")
        parts.append(sub.with_columns(pl.lit(weight, pl.Int64).alias("w")))
    e = pl.concat(parts).join(figs, on=["doc", "fig"], how="left")
    bad = (
        e.group_by("doc", "rel")
        .agg((pl.col("w") * pl.col("v")).sum().alias("s"), pl.len().alias("n"))
        .filter(pl.col("s").abs() > pl.col("n"))
    )
    out = set(bad.select("doc", "rel").iter_rows())
    if "stated" in cols:
        sh = rels.filter(pl.col("kind") == "share").select("doc", "id", "part", "whole", "stated")
        for col in ("part", "whole", "stated"):
            sh = sh.join(figs.rename({"fig": col, "v": f"{col}_v"}), on=["doc", col], how="left")
        p, w, s = pl.col("part_v"), pl.col("whole_v"), pl.col("stated_v")
        broken = sh.filter(
            (w - 1 > 0) & (((s - 1) * (w - 1) > 20_000 * (p + 1)) | ((s + 1) * (w + 1) < 20_000 * (p - 1)))
        )
        out.update(broken.select("doc", "id").iter_rows())
    return out


def polars_w1(data: bytes) -> set[str]:
    """W1 with polars: its own JSON reader, then explode, join and group."""
    import polars as pl  # noqa: PLC0415

    df = pl.read_json(data).select("figures", "relations").with_columns(pl.lit(0, pl.Int64).alias("doc"))
    return {r for _, r in _pl_findings(df)}


def polars_w2(data: bytes) -> set[tuple[int, str]]:
    """W2 with polars: read_ndjson, then the same frames."""
    import polars as pl  # noqa: PLC0415

    df = pl.read_ndjson(data).select("figures", "relations").with_row_index("doc")
    df = df.with_columns(pl.col("doc").cast(pl.Int64))
    return _pl_findings(df)
