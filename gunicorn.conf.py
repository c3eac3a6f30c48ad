"""gunicorn's settings for serving the application (`make serve`, and production: README.md).

Every value can be set from the environment; the defaults suit one machine behind nginx.
"""

import multiprocessing
import os

wsgi_app = "unnm.wsgi:application"

# Only the local reverse proxy (nginx) or `make serve`'s browser talks to gunicorn.
bind = os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT') or '8000'}"

# Synchronous workers, each a process with its own database connection: gunicorn's rule of
# thumb of two per CPU plus one.
workers = int(os.environ.get("GUNICORN_WORKERS") or multiprocessing.cpu_count() * 2 + 1)
timeout = int(os.environ.get("GUNICORN_TIMEOUT") or "30")
graceful_timeout = timeout
# Recycle workers now and then so a slow leak never grows without bound; not so often that a
# busy server restarts a worker every few seconds (a new worker starts Django and empties its
# copy of the stored pages). 0 never recycles.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or "20000")
max_requests_jitter = max_requests // 10

# The proxies whose X-Forwarded-* headers gunicorn believes (comma-separated, or * in a
# container network where only the proxy can reach gunicorn).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS") or "127.0.0.1"

# systemd (or make serve) supervises gunicorn; a control socket at one fixed path per user
# would also clash when two instances share a machine.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL") or "info"
