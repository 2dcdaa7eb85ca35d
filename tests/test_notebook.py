"""Notebook display: Result and Finding as HTML and markdown, and the example notebook run on a real kernel."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Any

import pytest

import perfcheck
from conftest import EXAMPLES, ROOT, SEED

NOTEBOOK = EXAMPLES / "perfcheck-notebook.ipynb"
#: Kernel start-up and four small code cells take about two seconds; a hang fails instead of blocking CI.
TIMEOUT = 60


def broken_seed() -> perfcheck.Ledger:
    return perfcheck.loads(perfcheck.dumps(perfcheck.load(SEED)).replace('"82.67"', '"86.27"'))


HOSTILE = "<script>alert('x')</script> & [link](javascript:alert(1)) | *bold* $x$"


def hostile_ledger() -> perfcheck.Ledger:
    """A broken sum whose labels, section and quoted text try to be markup."""
    return perfcheck.validate(
        {
            "perfcheck": "1",
            "title": HOSTILE,
            "unit": "万元",
            "figures": [
                {
                    "id": "total",
                    "label": HOSTILE,
                    "value": "82.67",
                    "source": {"section": "<b>一</b>", "line": 3, "text": "<img src=x onerror=alert(1)>"},
                },
                {"id": "a", "label": "<script>", "value": "63.41"},
                {"id": "b", "value": "19.62"},
            ],
            "relations": [{"id": "split", "kind": "sum", "total": "total", "parts": ["a", "b"]}],
        }
    )


# --- _repr_html_ and _repr_markdown_ ------------------------------------------------------------


def test_result_html_is_the_compact_report_a_card_per_finding() -> None:
    result = perfcheck.check(broken_seed())
    page = result._repr_html_()
    assert page.startswith('<div class="pc-report pc-compact"><style>')
    assert "<!doctype" not in page  # a notebook cell is no page
    assert "<h3>资阳区妇联2021年整体绩效自评报告</h3>" in page
    assert 'data-verdict="fail"' in page
    assert re.findall(r'data-severity="(\w+)" data-count="(\d+)"', page) == [
        ("error", "2"),
        ("warning", "0"),
        ("info", "0"),
    ]
    cards = re.findall(r'<article class="pc-card pc-error" id="c-(\w+)" data-code="(PC\d+)"', page)
    assert cards == [("spending_split", "PC102"), ("basic_split", "PC102")]
    assert page.count('<svg class="pc-line"') == 2  # each broken sum drawn
    # The relations that hold, collapsed.
    details = page.split('<details class="pc-holding"')[1]
    assert 'data-holding="25"><summary>25 relations hold</summary>' in details
    assert details.count("<tr") == 26  # the header and 25 holding checks
    assert "spending_split" not in details


def test_clean_result_html_passes_and_has_no_card() -> None:
    page = perfcheck.check(SEED)._repr_html_()
    assert 'data-verdict="pass"' in page
    assert ">0 errors</li>" in page
    assert "<article" not in page
    assert "<summary>27 relations hold</summary>" in page


def test_result_markdown_is_a_table_of_findings_with_a_summary() -> None:
    md = perfcheck.check(broken_seed())._repr_markdown_()
    lines = md.splitlines()
    assert (
        lines[0]
        == "**perfcheck** · 资阳区妇联2021年整体绩效自评报告: 2 errors, 0 warnings, 0 infos; 27 relations checked"
    )
    assert lines[2] == "| code | severity | relation | where | message |"
    assert lines[3] == "|---|---|---|---|---|"
    assert lines[4].startswith("| PC102 | error | spending\\_split | ")
    assert lines[5].startswith("| PC102 | error | basic\\_split | ")
    assert len(lines) == 6


def test_finding_html_and_markdown_show_the_numbers_and_where() -> None:
    finding = perfcheck.check(broken_seed()).errors[0]
    page = finding._repr_html_()
    assert "<strong>PC102</strong> error · relation <code>spending_split</code>" in page
    assert html.escape(finding.message) in page
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", page.split("<table>")[1])
    numbers = re.findall(r"<td[^>]*>([^<]*)</td>", page.split("<table>")[1])
    assert headers == ["stated", "computed", "allowed", "difference", "unit"]
    assert numbers[0] == "134.56"
    assert re.fullmatch(r"138\.160*", numbers[1])
    assert re.fullmatch(r"\[138\.1450*, 138\.1750*\]", numbers[2])
    assert re.fullmatch(r"-3\.600*", numbers[3])
    assert numbers[4] == "万元"
    assert ">一（四）</td>" in page
    assert ">总支出134.56万元</td>" in page
    md = finding._repr_markdown_()
    assert md.splitlines()[0] == "**PC102** error · relation spending\\_split"
    assert "| stated | computed | allowed | difference | unit |" in md
    assert "| spending | 总支出 | 134.56 | 一（四） | 58 | 总支出134.56万元 |" in md


def test_a_finding_without_numbers_or_relation_still_displays() -> None:
    result = perfcheck.check(EXAMPLES / "seed-with-mistakes.json", select=["PC603"])
    (finding,) = result.errors
    page = finding._repr_html_()
    assert "relation" not in page.split("</p>")[0]
    assert "<th" in page  # the locations table
    assert "stated" not in page
    assert finding._repr_markdown_().startswith("**PC603** error\n")


def test_html_escapes_every_text_from_the_document() -> None:
    result = perfcheck.check(hostile_ledger())
    assert not result.ok
    result_page, finding_page = result._repr_html_(), result.errors[0]._repr_html_()
    assert "&lt;b&gt;一&lt;/b&gt;" in result_page  # the section, in the "where" column
    assert "&lt;img src=x onerror=alert(1)&gt;" in result_page  # the quoted text, in the card
    assert "&lt;img src=x onerror=alert(1)&gt;" in finding_page  # the quoted text, in the locations
    for page in (result_page, finding_page):
        assert "<script" not in page
        assert "<img" not in page
        assert "<b>" not in page
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; [link]" in page
        # Only perfcheck's own tags remain.
        tags = set(re.findall(r"<(/?[a-z0-9]+)", page))
        allowed = {
            "div", "p", "strong", "code", "table", "thead", "tbody", "tr", "th", "td", "details",
            "summary", "style", "h3", "header", "ul", "li", "dl", "dt", "dd", "article", "span",
            "svg", "title", "line", "rect", "path", "text", "circle",
        }  # fmt: skip
        assert tags <= allowed | {f"/{t}" for t in allowed}


def test_markdown_escapes_every_text_from_the_document() -> None:
    result = perfcheck.check(hostile_ledger())
    for md in (result._repr_markdown_(), result.errors[0]._repr_markdown_()):
        # No markup survives: every < & [ * $ | is backslash-escaped, so it renders as itself.
        assert not re.search(r"(?<!\\)[<>&\[\]*$]", md.replace("**perfcheck**", "").replace("**PC102**", ""))
        assert "\\<script\\>alert('x')\\</script\\> \\&" in md
        assert "\\[link\\](javascript:alert(1))" in md
        assert "\\*bold\\*" in md
        assert "\\$x\\$" in md
        # A | in a label cannot open a new table column: every row is as wide as its header.
        for table in markdown_tables(md):
            widths = {len(re.split(r"(?<!\\)\|", row)) - 2 for row in table if not row.startswith("|---")}
            assert len(widths) == 1, table


def markdown_tables(md: str) -> list[list[str]]:
    tables: list[list[str]] = []
    previous = ""
    for line in md.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                tables.append([])
            tables[-1].append(line)
        previous = line
    return tables


def test_the_renderer_is_imported_only_when_a_result_is_displayed() -> None:
    import subprocess  # noqa: PLC0415

    code = (
        "import sys, perfcheck; r = perfcheck.check('examples/seed-ziyang-fulian-2021.json'); "
        "loaded = lambda: sorted(m for m in sys.modules if m in ('perfcheck.render', 'tabulate')); "
        "print(loaded()); r._repr_html_(); print(loaded())"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.splitlines() == ["[]", "['perfcheck.render', 'tabulate']"]


# --- the example notebook on a real kernel ------------------------------------------------------


def test_the_notebook_is_committed_without_outputs() -> None:
    import nbformat  # noqa: PLC0415

    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code
    assert all(c.outputs == [] and c.execution_count is None for c in code)


def run_notebook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: Path) -> list[Any]:
    """Execute the example notebook on an ipykernel running this interpreter, started in ``cwd``."""
    import nbformat  # noqa: PLC0415
    from ipykernel.kernelspec import write_kernel_spec  # noqa: PLC0415
    from jupyter_client.kernelspec import KernelSpecManager  # noqa: PLC0415
    from nbclient import NotebookClient  # noqa: PLC0415

    # The notebook asks for "python3". Put a python3 kernelspec running this interpreter first
    # on the search path, so one installed elsewhere (~/.local/share/jupyter) cannot run
    # another Python without perfcheck.
    write_kernel_spec(tmp_path / "kernels" / "python3")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
    assert KernelSpecManager().get_kernel_spec("python3").argv[0] == sys.executable
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb, kernel_name="python3", timeout=TIMEOUT, resources={"metadata": {"path": str(cwd)}}
    )
    client.execute()  # a cell running past TIMEOUT raises here: a hang fails instead of blocking CI
    return [c for c in nb.cells if c.cell_type == "code"]


# The test suite runs it from the repository root; Jupyter starts a kernel in the notebook's folder.
@pytest.mark.parametrize("cwd", [ROOT, EXAMPLES], ids=["repo-root", "examples"])
def test_the_example_notebook_runs_and_shows_the_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cwd: Path
) -> None:
    cells = run_notebook(tmp_path, monkeypatch, cwd)
    outputs = [o for c in cells for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"], "a cell raised"
    assert not [o for o in outputs if o.output_type == "stream" and o.name == "stderr"]
    assert all(c.execution_count for c in cells)
    clean, broken, finding, recon = cells
    # The seed checks clean; the result displays as HTML with its summary.
    (out,) = clean.outputs
    assert out.output_type == "execute_result"
    assert 'data-verdict="pass"' in out.data["text/html"]
    assert "27 relations hold" in out.data["text/html"]
    assert "text/markdown" in out.data
    # Breaking 基本支出 breaks two sums; display() shows the findings table.
    (out,) = broken.outputs
    assert out.output_type == "display_data"
    page = out.data["text/html"]
    assert "PC102" in page
    assert "2 errors" in page
    assert "spending_split" in page
    assert "basic_split" in page
    # One finding on its own.
    (out,) = finding.outputs
    assert "<strong>PC102</strong> error · relation <code>spending_split</code>" in out.data["text/html"]
    # The reconciliation table, printed.
    (out,) = recon.outputs
    assert out.output_type == "stream"
    assert re.search(r"spending_split\s+PC102\s+broken\s+134\.56\s+138\.160*\s", out.text)
    assert re.search(r"fund_balance\s+PC101\s+holds", out.text)
