"""A change's rate printed with its sign (``减少15.65万元，增长-5.86%``): the signed growth, as a formula.

A change relation holds its rate as a magnitude in the change's direction (``减少X，下降Y%``).
A page may print the rate as a signed growth instead: ``增长-5.86%`` is a fall of 5.86 %,
``下降-3%`` a rise of 3 %. Read as a magnitude, a negative rate would make a right rate
wrong (a false error), so the rate leaves the change and is stated as the formula of the
signed growth: ``rate == ±100 × (current - prior) / prior``, the sign its own word's
(+ for 增长/上升/提高, - for 下降/减少), the prior printed or, as the change implies it,
``current ∓ amount``. A change left with no amount (``比上年的81381万元增长-9.41%``) said
nothing but its direction, and that in the rate's own word, which the sign reverses: it goes,
the formula holds all it said (kept, it would call a fall an impossible increase).
"""

from __future__ import annotations

from perfcheck._read.text import patterns
from perfcheck._read.text.base import Fig, Rel, State


class SignedRates(State):
    """Take negative rates out of changes, each stated as its signed growth."""

    def signed_rates(self) -> None:
        """``与2017年相比，收入减少15.65万元，增长-5.86%``: the rate is -100 × 15.65 / (267.07 + 15.65).

        >>> from perfcheck.extract import extract
        >>> text = "收入总计267.07万元，比上年减少15.65万元，增长-5.54%。"
        >>> [r.kind for r in extract(text).ledger.relations]
        ['change', 'formula']
        """
        made: list[Rel] = []
        emptied: list[Rel] = []
        for rel in self.relations:
            if rel.data["kind"] != "change" or "percent" not in rel.data:
                continue
            keys = ["current", *(k for k in ("prior", "delta", "percent") if k in rel.data)]
            figs = dict(zip(keys, rel.figures, strict=True))
            rate = figs["percent"]
            if rate.mention.number >= 0:
                continue
            signed = _rate_sign(rate)
            if "prior" in figs:
                terms = [figs["current"], figs["prior"], rate]
                expr = f"{{2}} == {100 * signed} * ({{0}} - {{1}}) / {{1}}"
            elif "delta" in figs:
                way = 1 if rel.data["direction"] == "increase" else -1
                terms = [figs["current"], figs["delta"], rate]
                minus = "-" if way > 0 else "+"
                expr = f"{{2}} == {100 * signed * way} * {{1}} / ({{0}} {minus} {{1}})"
            else:
                continue
            # the change keeps its amount (or its levels); its rate is the formula's
            rel.data = {k: v for k, v in rel.data.items() if k != "percent"}
            rel.figures = [f for f in rel.figures if f is not rate]
            if "delta" not in rel.data:
                emptied.append(rel)  # 比上年的P增长-R%: its only word was the rate's
            label = f"{rate.label} {rate.mention.text}%: the signed growth of {figs['current'].label}"
            data = {"kind": "formula", "expr": "", "_expr": expr, "label": label, "_across_periods": True}
            if rel.data.get("basis") == "inferred":
                data["basis"] = "inferred"
            self.add("signed_rate", data, rel.sentences, terms)
            made.append(self.relations.pop())
        self.relations[:] = [r for r in self.relations if not any(r is e for e in emptied)]
        self.relations.extend(made)


def _rate_sign(rate: Fig) -> int:
    """The sign a rate's own word gives it: -1 after 下降 or 减少 (下降-3% is a rise), else +1.

    增减率 and 增减幅度 name a signed change (both ways at once): +1.
    """
    words = patterns.DIRECTION.findall(rate.label.replace("增减", ""))
    return -1 if words and words[-1] in patterns.DECREASE else 1
