"""Screenshots of the reader's main pages for the README: ``python bench/screenshots.py [OUT_DIR]``.

Serves the web tests' sample edition from a fresh SQLite store on a free port and photographs
each page with Debian's headless Chromium (Playwright), desktop width and one phone view.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from letterbook.web.app import create_app  # noqa: E402
from letterbook.web.config import WebSettings  # noqa: E402
from web.sample_store import sample_store  # noqa: E402
from web.server import CHROMIUM, CHROMIUM_ARGS, running  # noqa: E402

PAGES = {
    "home": "/",
    "letter": "/letters/bolsheviks/201",
    "search": "/search?q=grain",
    "person": "/register/person/stalin-i-v",
    "registers": "/register",
    "timeline": "/timeline",
    "network": "/network",
    "source": "/letters/bolsheviks/201/source",
}


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        edition = sample_store(Path(folder))
        with running(create_app(WebSettings(), edition)) as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            desktop = browser.new_page(viewport={"width": 1200, "height": 900})
            for name, path in PAGES.items():
                desktop.goto(url + path)
                if name == "network":
                    desktop.wait_for_selector('#network[data-ready="true"]')
                desktop.screenshot(path=str(out / f"{name}.png"), full_page=name not in {"network"})
                print(out / f"{name}.png")
            phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
            phone.goto(url + PAGES["letter"])
            phone.screenshot(path=str(out / "letter-phone.png"))
            print(out / "letter-phone.png")
            browser.close()
        edition.store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots")
