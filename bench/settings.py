"""The production settings, plus a bare view to measure the server's ceiling against."""

from unnm.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
