"""axe-core run over a page in headless Chromium: the accessibility rules GOV.UK checks with.

Both come from the package registries and are not summit's dependencies: the
test that uses them skips, saying what is missing, where they are not installed.
`AXE_CORE` may name axe.min.js; otherwise node_modules under /tmp or the cwd.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
_CANDIDATES = [Path("/tmp/axe/node_modules"), Path("/tmp/node_modules"), Path("node_modules")]


def axe_script() -> Path | None:
    named = os.environ.get("AXE_CORE")
    found = [Path(named)] if named else [c / "axe-core" / "axe.min.js" for c in _CANDIDATES]
    return next((path for path in found if path.is_file()), None)


def chromium() -> str | None:
    names = ("chromium", "chromium-browser", "google-chrome")
    return next((found for name in names if (found := shutil.which(name))), None)


def missing() -> str | None:
    """What is not installed, or None when axe can run."""
    if chromium() is None:
        return "Chromium is not installed (apt-get install -y chromium)"
    if axe_script() is None:
        return "axe-core is not installed (cd /tmp/axe && npm install axe-core, or set AXE_CORE)"
    return None


def violations(html: str, folder: Path) -> list[dict[str, object]]:
    """axe's violations of the page: each rule's id, impact and the elements it found."""
    browser, script = chromium(), axe_script()
    assert browser is not None and script is not None
    runner = (
        f"<script>{script.read_text()}</script><script>"
        f"axe.run(document, {{runOnly: {json.dumps(RULES)}}}).then(r => {{"
        "const out = document.createElement('pre'); out.id = 'axe-result';"
        "out.textContent = JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,"
        " nodes: v.nodes.map(n => n.target.join(' '))})));"
        "document.body.appendChild(out); });</script>"
    )
    page = folder / "axe-page.html"
    page.write_text(html.replace("</body>", runner + "</body>"))
    command = [browser, "--headless=new", "--no-sandbox", "--disable-gpu"]
    command += [f"--user-data-dir={folder / 'chromium'}", "--virtual-time-budget=30000"]
    done = subprocess.run(
        [*command, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    found = re.search(r'<pre id="axe-result">(.*?)</pre>', done.stdout, re.S)
    assert found, f"axe did not report: {done.stderr[-2000:]}"
    result: list[dict[str, object]] = json.loads(found.group(1).replace("&quot;", '"'))
    return result
