"""The production settings, plus a bare view to measure the server's ceiling against."""

from unnm.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

# The bare view measures the server's ceiling: no page cache in front of it.
UNNM_PAGE_CACHE_EXCLUDE = (*UNNM_PAGE_CACHE_EXCLUDE, "/bench/")  # noqa: F405
