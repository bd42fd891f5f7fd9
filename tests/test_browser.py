"""The seed's report opened in a real browser (headless Chromium), checked through its DOM.

Installs nothing: skips with a reason when no Chromium is present (`make test-browser`
installs Debian's chromium and runs this file).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import policytext as pt

BROWSER = next((b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine (make test-browser installs it)")

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--disable-extensions", "--virtual-time-budget=3000"]


class _DomCounter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.kinds: dict[str, int] = {}
        self.groups: set[str] = set()
        self.images = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-kind" in a:
            self.kinds[a["data-kind"]] = self.kinds.get(a["data-kind"], 0) + 1
        if "data-group" in a:
            self.groups.add(a["data-group"])
        if tag == "img" and (a.get("src") or "").startswith("data:image/png;base64,"):
            self.images += 1


def test_report_in_chromium(tmp_path, seed_doc):
    import matplotlib

    matplotlib.use("Agg")
    from policytext.plot import plot_term_trends

    import pandas as pd

    trends = pt.term_trends(pt.load_sample().filter(collection="gov_work_reports_national"), ["改革", "创新"])
    page = pt.report(seed_doc, figures=[("改革 and 创新 per 10k characters", plot_term_trends(trends))],
                     tables=[("trends", trends.reset_index())])
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    dom = subprocess.run([BROWSER, *FLAGS, "--dump-dom", path.as_uri()], capture_output=True, text=True,
                         timeout=180)
    assert dom.returncode == 0, dom.stderr[-2000:]
    counter = _DomCounter()
    counter.feed(dom.stdout)
    assert counter.kinds.get("template", 0) >= 11
    assert counter.kinds.get("formula", 0) >= 3 and counter.kinds.get("meeting", 0) >= 2
    assert len(counter.groups) >= 20, "each parallel group has its own data-group"
    assert counter.images >= 1
    assert re.search(r"<title>推动组织工作守正创新</title>", dom.stdout)
    shot = tmp_path / "report.png"
    r = subprocess.run([BROWSER, *FLAGS, "--window-size=1200,1600", f"--screenshot={shot}", path.as_uri()],
                       capture_output=True, text=True, timeout=180)
    assert r.returncode == 0 and shot.stat().st_size > 10_000
