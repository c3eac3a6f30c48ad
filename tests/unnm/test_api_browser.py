"""The open data API's documentation page works in a browser, from the site's own files."""

import pytest
from playwright.sync_api import expect

from tests.unnm.test_browser import csp_violations, watch_console

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_api_docs_render_under_the_csp_without_outside_requests(page, live_server, screenshot_dir):
    messages = watch_console(page)
    outside = []
    page.on(
        "request",
        lambda request: request.url.startswith(live_server.url) or outside.append(request.url),
    )

    page.goto("/api/v1/docs/")

    expect(page.get_by_text("/api/v1/meetings", exact=True).first).to_be_visible()
    page.get_by_text("/api/v1/meetings", exact=True).first.click()
    expect(page.get_by_text("The meetings list's filters").first).to_be_visible()
    assert csp_violations(messages) == []
    assert outside == []
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "api-docs.png", full_page=True)
