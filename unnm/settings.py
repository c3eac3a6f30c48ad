"""
Settings for the UN Network on Migration secretariat.

Everything that differs between a laptop and a server is read from the environment; every
variable is documented in README.md and .env.example. The defaults are safe: debug is off unless
DJANGO_DEBUG is set, and a real DJANGO_SECRET_KEY is then required.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (see README.md)."
        )
    SECRET_KEY = "django-insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Before the admin, so that its admin mixins and the translated fields are in place first.
    "modeltranslation",
    "unnm.apps.SecretariatAdminConfig",  # django.contrib.admin with the secretariat's home
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_countries",
    # The open data API (/api/v1/); installed for the static files of its documentation page.
    "ninja",
    "unnm",
    "members",
    "frameworks",
    "meetings",
    "portal",
    "axes",
    "django_tasks_db",
    "simple_history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records the signed-in user on the history of every change made in a request.
    # Signs out, on every request, a member whose person no longer may sign in (portal/).
    "portal.access.MemberAccessMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
    # Innermost: a stored page still passes through every header-setting middleware above.
    "unnm.pagecache.PublicPageCacheMiddleware",
]

ROOT_URLCONF = "unnm.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "unnm.context_processors.network",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "unnm.wsgi.application"

# SQLite is the embedded default; production and CI use PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# The pages' heaviest queries (unnm.db.Compiled) are prepared once per PostgreSQL session
# (PREPARE / EXECUTE): PostgreSQL then plans them once, not on every page. Off behind a pooler
# that hands one session's statements to another (PgBouncer in transaction mode).
UNNM_DB_PREPARE = env_bool("UNNM_DB_PREPARE", default=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: UNNM_LANGUAGES lists the network's languages, its default first (LANGUAGE_CODE:
# the language of content without a translation, and of the bare `/` for a browser that asks
# for none of them). Each is named in its own language in the switcher, whatever the page's.
LANGUAGE_NAMES = {"az": "Azərbaycan dili", "en": "English", "ru": "Русский"}
UNNM_LANGUAGES = env_list("UNNM_LANGUAGES", "en,az,ru")
if not UNNM_LANGUAGES:
    raise ImproperlyConfigured("UNNM_LANGUAGES must name at least one language (en,az,ru).")
_unknown_languages = [code for code in UNNM_LANGUAGES if code not in LANGUAGE_NAMES]
if _unknown_languages:
    raise ImproperlyConfigured(
        f"UNNM_LANGUAGES names languages without a name in settings.LANGUAGE_NAMES: "
        f"{', '.join(_unknown_languages)} (see README.md, 'Adding a language')."
    )
LANGUAGE_CODE = UNNM_LANGUAGES[0]
LANGUAGES = [(code, LANGUAGE_NAMES[code]) for code in UNNM_LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The network's own date formats where Django's differ from how the language writes them
# (Azerbaijani months in lower case: "13 dekabr 2026").
FORMAT_MODULE_PATH = ["unnm.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Asia/Baku")
USE_I18N = True
# Content staff write (titles, summaries, agenda, remarks...) is translated per field by
# django-modeltranslation: one column per language in the same table, so no extra query. A
# missing translation falls back to the network's default language.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))
# Meeting documents: a folder outside MEDIA_ROOT that no web server may serve; the application
# reads it after checking who asks (meetings.views.pages.document_download).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "unnm.staticfiles.StaticFilesStorage"
        )
    },
}

# Outgoing mail (Django 6.1 MAILERS): SMTP when EMAIL_HOST is set, the console otherwise.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "UN Network on Migration <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["EMAIL_HOST"],
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "use_ssl": env_bool("EMAIL_USE_SSL"),
                # Short: the worker retries nothing by itself, staff send a failed mail again.
                "timeout": int(os.environ.get("EMAIL_TIMEOUT", "10")),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# The network this installation serves; another country's network sets its own.
UNNM_NETWORK_NAME = os.environ.get("UNNM_NETWORK_NAME", "UN Network on Migration in Azerbaijan")
UNNM_NETWORK_SHORT_NAME = os.environ.get("UNNM_NETWORK_SHORT_NAME", "UNNM Azerbaijan")
UNNM_COUNTRY = os.environ.get("UNNM_COUNTRY", "AZ")
UNNM_SECRETARIAT_NAME = os.environ.get("UNNM_SECRETARIAT_NAME", "IOM Azerbaijan")
UNNM_SECRETARIAT_EMAIL = os.environ.get("UNNM_SECRETARIAT_EMAIL", "unnm-secretariat@example.org")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "admin:login"

# Transport security, on whenever debug is off (see `manage.py check --deploy`).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = int(
    os.environ.get("DJANGO_SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD")
# Joining the browsers' HSTS preload list is the domain owner's one-way decision (an agency's
# subdomain cannot join on its own), so its absence is not a deployment fault here.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# A load balancer probes the health endpoint over plain HTTP; it must not be redirected.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # outside the language prefixes (unnm/urls.py)

# Content Security Policy (Django 6): only this site's own files; a script or style element
# inline in a page runs only with the request's nonce ({{ csp_nonce }}). Bootstrap's CSS draws
# some icons as data: SVG images.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Permissions-Policy (django-permissions-policy): the site needs none of these browser features.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}

# Login protection (django-axes): after AXES_FAILURE_LIMIT failed logins for one user name from
# one client address, that pair is refused for the cool-off period. The pair, not the user name
# alone (anyone could then lock any admin out from a few addresses) nor the address alone (an
# office behind one address would lock itself out).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Lockouts are logged; the start-up banner on every management command is not needed.
AXES_VERBOSE = False
# Behind N reverse proxies (nginx, a load balancer), the client is the N-th address from the
# right of X-Forwarded-For; every address left of it could have been sent by the client itself.
UNNM_TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "unnm.client.client_ip"

# Background tasks (Django 6 tasks): with debug off (production) they are queued in the database
# for `manage.py db_worker` (django-tasks-db), so a slow or hanging SMTP server never holds up a
# page; with debug on (development, tests) they run at once in the request.
# DJANGO_TASKS_BACKEND chooses explicitly.
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_tasks_backend = os.environ.get("DJANGO_TASKS_BACKEND") or ("immediate" if DEBUG else "database")
if _tasks_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"DJANGO_TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {_tasks_backend!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_tasks_backend], "QUEUES": ["default"]}}

# Privacy: months after a meeting that the personal data of its RSVPs is kept.
UNNM_RSVP_RETENTION_MONTHS = int(os.environ.get("UNNM_RSVP_RETENTION_MONTHS", "12"))

# RSVPs (meetings app). Links in mails are absolute: the public address of the site.
UNNM_SITE_URL = os.environ.get("UNNM_SITE_URL", "http://127.0.0.1:8000")
# At most this many RSVP submissions per client IP address in the window (seconds). Counted in
# the default cache, which every app server shares (the database, or Redis with UNNM_CACHE_URL).
RSVP_RATE_LIMIT = int(os.environ.get("RSVP_RATE_LIMIT", "10"))
RSVP_RATE_WINDOW = int(os.environ.get("RSVP_RATE_WINDOW", "3600"))
# An answer with an address that has already answered re-mails its personal link at most once
# per address and meeting in this many seconds (counted in the "ratelimit" cache).
RSVP_RESEND_INTERVAL = int(os.environ.get("RSVP_RESEND_INTERVAL", "600"))

# The cache is shared by every app server: rate limits and stored public pages live in the
# database (`manage.py createcachetable`), so nothing that must be shared is held in a process.
# With UNNM_CACHE_URL (redis://host:6379/0) they live in Redis instead, which takes the version
# check of every stored page and the rate limits' counters off PostgreSQL.
UNNM_CACHE_URL = os.environ.get("UNNM_CACHE_URL", "")
if UNNM_CACHE_URL and not UNNM_CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        f"UNNM_CACHE_URL must be a Redis URL (redis://host:6379/0), not {UNNM_CACHE_URL!r}."
    )
if UNNM_CACHE_URL:
    _default_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": UNNM_CACHE_URL,
        "KEY_PREFIX": "unnm",
    }
else:
    _default_cache = {
        "BACKEND": "unnm.cache.DatabaseCache",
        "LOCATION": "unnm_cache",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("UNNM_CACHE_MAX_ENTRIES", "5000"))},
    }
CACHES = {
    "default": _default_cache,
    # Rate-limit counters, apart from the stored pages so that public traffic cannot cull them
    # (Redis, like the database table, never evicts them: it has no memory limit by default).
    "ratelimit": (
        {**_default_cache, "KEY_PREFIX": "unnm-rate"}
        if UNNM_CACHE_URL
        else {
            "BACKEND": "unnm.cache.DatabaseCache",
            "LOCATION": "unnm_ratelimit",
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        }
    ),
    # Each process's copy of recently served public pages, checked against the shared version.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "unnm-pages",
        "OPTIONS": {"MAX_ENTRIES": 300},
    },
}
# Public pages for anonymous visitors are served from the cache for at most this long (seconds);
# any edit of the network's data makes them stale at once. 0 turns the page cache off.
UNNM_PAGE_CACHE_SECONDS = int(os.environ.get("UNNM_PAGE_CACHE_SECONDS", "300"))
UNNM_PAGE_CACHE_EXCLUDE = ("/admin/", "/health/", "/media/", "/static/")

# Audit trail (django-simple-history): the admin's "History" shows who changed what and when.
# Reverting from an old version is off: it would bypass the admin's inlines and the RSVP seat
# logic; staff correct a record on its change page, which is recorded in turn.
SIMPLE_HISTORY_REVERT_DISABLED = True

# The members' area (portal/): focal points sign in with a link mailed to their address.
# The link works once and for this many minutes.
UNNM_SIGN_IN_LINK_MINUTES = int(os.environ.get("UNNM_SIGN_IN_LINK_MINUTES", "15"))
# Links asked for one address (whoever asks), and asks from one client address, per window.
UNNM_SIGN_IN_PER_ADDRESS = int(os.environ.get("UNNM_SIGN_IN_PER_ADDRESS", "3"))
UNNM_SIGN_IN_PER_CLIENT = int(os.environ.get("UNNM_SIGN_IN_PER_CLIENT", "10"))
UNNM_SIGN_IN_WINDOW = int(os.environ.get("UNNM_SIGN_IN_WINDOW", "3600"))
# Progress updates that members post wait for the secretariat's review before they are public;
# off: they are published at once.
UNNM_MEMBER_UPDATES_REVIEWED = env_bool("UNNM_MEMBER_UPDATES_REVIEWED", True)
# Days members have to comment on circulated minutes when staff give no closing date.
UNNM_MINUTES_COMMENT_DAYS = int(os.environ.get("UNNM_MINUTES_COMMENT_DAYS", "14"))
