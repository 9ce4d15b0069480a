"""gunicorn settings for production: ``make serve-production`` or
``gunicorn openpromotor.wsgi --config src/openpromotor/gunicorn.conf.py``."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
timeout = 30
accesslog = "-"
errorlog = "-"
access_log_format = '{"remote":"%(h)s","request":"%(r)s","status":%(s)s,"bytes":%(b)s,"ms":%(M)s}'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
