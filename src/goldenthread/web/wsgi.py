"""WSGI entry point for production servers (gunicorn: ``goldenthread.web.ops.gunicorn_conf``).

The quality engine and the theme linking model are loaded here, once: gunicorn loads the app
before forking its workers, so they share the model's memory and the first page is not slow.
``GOLDENTHREAD_PRELOAD_MODELS=0`` skips it (the readiness check loads them on first call).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
application = get_wsgi_application()

if os.environ.get("GOLDENTHREAD_PRELOAD_MODELS", "1") == "1":
    from goldenthread.web.ops.health import models_loaded

    models_loaded()
