"""The Django project: settings, URLs and the apps that make the web pages."""
