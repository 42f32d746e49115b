"""The reader in a real browser (Debian's headless Chromium driven by Playwright), as a reader uses it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from letterbook.web.app import create_app
from letterbook.web.config import WebSettings
from web.sample_store import sample_store
from web.server import CHROMIUM, CHROMIUM_ARGS, running

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian's chromium (.ci/run installs it)")

playwright_sync = pytest.importorskip("playwright.sync_api")
Page = playwright_sync.Page
expect = playwright_sync.expect


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    edition = sample_store(tmp_path_factory.mktemp("browser"))
    with running(create_app(WebSettings(), edition)) as url:
        yield url
    edition.store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: object, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url)  # type: ignore[attr-defined]
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    tab.on("dialog", lambda dialog: problems.append("dialog: " + dialog.message))
    tab.on("pageerror", lambda error: problems.append(str(error)))
    yield tab
    context.close()
    assert problems == [], problems  # no script error, no CSP violation, no alert() from a payload


def test_search_for_a_word_and_open_a_letter(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Search the letters", exact=True).first.fill("figures")
    page.keyboard.press("Enter")
    expect(page.locator("mark").first).to_have_text("figures")
    page.get_by_role("link", name="No. 201").first.click()
    expect(page.locator("h1")).to_contain_text("No. 201")
    expect(page.locator("article p.date")).to_contain_text("5–6 October 1925")


def test_follow_a_note_marker_to_its_note_and_back(page: Page) -> None:
    page.goto("/letters/bolsheviks/201")
    page.locator("a.marker#ref-1").click()
    expect(page).to_have_url(re.compile(r"#note-1$"))
    expect(page.locator("#note-1")).to_be_in_viewport()
    page.locator("#note-1 a.back").click()
    expect(page).to_have_url(re.compile(r"#ref-1$"))
    expect(page.locator("#ref-1")).to_be_in_viewport()


def test_follow_a_cross_reference_to_the_letter_it_names(page: Page) -> None:
    page.goto("/letters/bolsheviks/201")
    page.get_by_role("link", name="note 1 to document No. 194").click()
    expect(page).to_have_url(re.compile(r"/letters/bolsheviks/194#note-1$"))
    expect(page.locator("article p.date")).to_contain_text("[December 1912], inferred by the editors")


def test_open_a_person_from_a_letter(page: Page) -> None:
    page.goto("/letters/bolsheviks/201")
    page.locator(".senders a").click()
    expect(page.locator("h1")).to_have_text("Dzerzhinsky, F. E.")
    expect(page.get_by_role("heading", name=re.compile("Letters from Dzerzhinsky"))).to_be_visible()


def test_use_a_facet_and_the_date_range(page: Page) -> None:
    page.goto("/search?q=grain")
    expect(page.locator("#results-h")).to_have_text("2 letters")
    page.locator('[data-facet="year"] a', has_text="1925").click()
    expect(page.locator("#results-h")).to_have_text("1 letter in 1925")
    expect(page).to_have_url(re.compile(r"year=1925"))
    page.goto("/letters")
    page.get_by_label("From").fill("1912-12-15")
    page.get_by_label("to", exact=True).fill("1913")
    page.get_by_label("certainly in range").check()
    page.get_by_role("button", name="Show letters").click()
    expect(page.locator("#results-h")).to_have_text("0 letters")
    page.get_by_label("possibly in range").check()
    page.get_by_role("button", name="Show letters").click()
    expect(page.locator("#results-h")).to_have_text("1 letter")
    expect(page).to_have_url(re.compile(r"mode=possibly"))


def test_open_the_network_and_click_a_node(page: Page) -> None:
    page.goto("/network")
    expect(page.locator("#network")).to_have_attribute("data-ready", "true")
    node = page.locator('#network a[data-entry="person/stalin-i-v"] circle')
    node.click()
    expect(page).to_have_url(re.compile(r"/register/person/stalin-i-v$"))
    expect(page.locator("h1")).to_have_text("Stalin, I. V.")


def test_injected_script_and_html_show_as_text_and_run_nothing(page: Page) -> None:
    for url in ("/letters/bolsheviks/666", "/register/person/evil", "/search?q=injected", "/network"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__pwned") is None, url
        assert page.locator("img[src=x]").count() == 0, url
    page.goto("/letters/bolsheviks/666")
    expect(page.locator(".senders")).to_contain_text("<script>window.__pwned = 1</script>")
    expect(page.locator(".notes")).to_contain_text("<b>bold</b>")
