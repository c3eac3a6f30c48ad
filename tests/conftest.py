import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls that tests make
# beside it are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to real files on disk, in a folder of the test's own (meeting documents in a
    private folder beside it)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    """Views are tested as rendered; tests/members/test_page_cache.py turns the cache on."""
    settings.UNNM_PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def network_language():
    """Each test starts in the network's default language: a request activates the language of
    its address for the thread, which would otherwise carry over to the next test's reverse()."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


# The Redis database the cache tests use: one of their own, flushed around each test. Set
# UNNM_TEST_REDIS_URL to use another server or database number.
TEST_REDIS_URL = os.environ.get("UNNM_TEST_REDIS_URL", "redis://127.0.0.1:6379/9")


@pytest.fixture(params=["database", "redis"])
def cache_backend(request, settings):
    """
    The shared cache (page cache, rate limits) on each backend it can run on: the database
    cache (the default) and Redis (UNNM_CACHE_URL). Yields the backend's name. `make test`
    starts the Redis server; a missing one fails the test, never skips it.
    """
    from django.core.cache import caches

    if request.param == "redis":
        redis = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": TEST_REDIS_URL,
        }
        settings.CACHES = {
            **settings.CACHES,
            "default": {**redis, "KEY_PREFIX": "unnm"},
            "ratelimit": {**redis, "KEY_PREFIX": "unnm-rate"},
        }
    for alias in ("default", "ratelimit"):
        caches[alias].clear()  # on Redis: FLUSHDB of the test database only
    yield request.param
    for alias in ("default", "ratelimit"):
        caches[alias].clear()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser fails the run, never skips it."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def screenshot_dir():
    """Where browser tests leave screenshots for people to look at (SCREENSHOT_DIR)."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return None
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path
