"""A headless Chromium driven over the DevTools protocol on a pipe: no websocket, no playwright.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands from file
descriptor 3 and writes replies and events to descriptor 4, each message JSON ended by a
NUL byte. That is all a test needs to open a page, read its DOM, list every request it
made and take screenshots.

    python tests/browser.py        # rewrites the screenshots of docs/report.md (docs/img/)
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

#: Where Debian's package puts it; CHROMIUM overrides.
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
INSTALL_HINT = (
    "the browser tests need Chromium: as root, `apt-get install -y chromium fonts-wqy-microhei` "
    "(Debian; `bash .ci/browser` does this), or set CHROMIUM to a Chromium or Chrome binary"
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)
#: A page that does not load in this long fails the test instead of hanging it.
TIMEOUT = 60.0


def chromium() -> str | None:
    """The Chromium binary, or None when it is not installed."""
    return shutil.which(CHROMIUM)


class Browser:
    """One headless Chromium and one page in it."""

    def __init__(self, binary: str, profile: str) -> None:
        """Start ``binary`` with a fresh profile in ``profile`` and open a blank page."""
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # in the child: the pipe ends on the descriptors Chromium reads and writes
            reads, writes = os.dup(to_browser_r), os.dup(from_browser_w)  # neither is 3 or 4 any more
            os.dup2(reads, 3)
            os.dup2(writes, 4)

        self.process = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,  # noqa: PLW1509 - the test process starts no threads that fork
            pass_fds=(3, 4),  # kept open when the others are closed, after wire() has run
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Network", "Runtime"):
            self.call(f"{domain}.enable", session=True)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                msg = "Chromium did not answer in time"
                raise TimeoutError(msg)
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                msg = "Chromium closed its pipe"
                raise RuntimeError(msg)
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        data: dict[str, Any] = json.loads(message)
        return data

    def call(self, method: str, *, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one command and wait for its reply; events seen meanwhile are kept in :attr:`events`."""
        self._next += 1
        ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            data = self._read()
            if data.get("id") == ident:
                if "error" in data:
                    msg = f"{method}: {data['error']}"
                    raise RuntimeError(msg)
                result: dict[str, Any] = data.get("result", {})
                return result
            self.events.append(data)

    def wait_for(self, method: str) -> dict[str, Any]:
        """The first event ``method`` not yet seen (waiting for it if need be); it is consumed."""
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read())

    def open(self, url: str, width: int = 1100, height: int = 900) -> None:
        """Load ``url`` in a window of ``width`` × ``height`` CSS pixels."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (made JSON by the browser)."""
        reply = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in reply:
            msg = f"script failed: {reply['exceptionDetails']}"
            raise RuntimeError(msg)
        return reply["result"].get("value")

    def requests(self) -> list[str]:
        """The URL of every request the page made so far."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e.get("method") == "Network.requestWillBeSent"
        ]

    def media(self, *, dark: bool = False, media: str = "") -> None:
        """Emulate dark mode and/or a media type (``print``)."""
        features = [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]
        self.call("Emulation.setEmulatedMedia", session=True, media=media, features=features)

    def screenshot(self, path: Path) -> Path:
        """The first screen as a PNG in ``path``."""
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))
        return path

    def close(self) -> None:
        """Close the browser and its pipes."""
        with suppress(RuntimeError, OSError, TimeoutError):
            self.call("Browser.close")
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)


@contextmanager
def browser() -> Iterator[Browser]:
    """A fresh headless Chromium (its own profile directory), closed after use.

    Raises:
        RuntimeError: Chromium is not installed (the message says how to install it).
    """
    binary = chromium()
    if binary is None:
        raise RuntimeError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="perfcheck-chromium-") as profile:
        b = Browser(binary, profile)
        try:
            yield b
        finally:
            b.close()


def _docs_screenshots() -> None:
    """Write docs/img/report-*.png: the first screen of three pages, as small palette PNGs."""
    sys.path.insert(0, str(Path(__file__).parent))
    from PIL import Image  # noqa: PLC0415 - the script's own dependency (Pillow comes with the pdf extra)

    from browser_pages import PAGES, write_page  # noqa: PLC0415 - a sibling module, found on the path set above

    root = Path(__file__).resolve().parent.parent
    out = root / "docs" / "img"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, browser() as b:
        for name in PAGES:
            page = write_page(name, Path(tmp))
            b.open(page.as_uri(), width=1000, height=760)
            shot = b.screenshot(Path(tmp) / f"{name}.png")
            image = Image.open(shot).convert("RGB").quantize(colors=64)
            image.save(out / f"report-{name}.png", optimize=True)
            print(out / f"report-{name}.png")  # noqa: T201 - a script's output


if __name__ == "__main__":
    _docs_screenshots()
