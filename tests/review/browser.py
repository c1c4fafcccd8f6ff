"""Headless Chromium for the page tests: the DOM after the page's own test hook, and
screenshots. Every run gets a fresh profile and no network services."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
)


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(page: Path, fragment: str, *extra: str, timeout: float = 60) -> tuple[str, float]:
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        url = page.resolve().as_uri() + fragment
        t = time.perf_counter()
        out = subprocess.run(
            [chromium() or "chromium", *FLAGS, f"--user-data-dir={profile}", *extra, url],
            capture_output=True, text=True, timeout=timeout, check=True,
        )
        return out.stdout, time.perf_counter() - t


def run_test_hook(page: Path) -> tuple[dict, str, float]:
    """Open ``page#test`` (the page clicks its first mention that has a counterpart in
    the other report and writes what it found into ``#test-result``): the result, the
    whole DOM and the seconds the browser took, start-up included."""
    dom, seconds = _run(page, "#test", "--dump-dom")
    found = re.search(r'<pre id="test-result">([^<]*)</pre>', dom)
    assert found, "no #test-result in the DOM: the page's script did not run"
    return json.loads(found.group(1).replace("&quot;", '"')), dom, seconds


def screenshot(page: Path, png: Path, fragment: str = "#test") -> Path:
    _run(page, fragment, f"--screenshot={png}", "--window-size=1400,900", "--hide-scrollbars")
    return png
