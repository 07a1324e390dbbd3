"""WSGI entry point for production servers (for example ``gunicorn goldenthread.web.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goldenthread.web.settings")
application = get_wsgi_application()
