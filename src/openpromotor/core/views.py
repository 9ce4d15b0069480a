"""The platform's own pages: home, about, privacy notice, terms, contact, and the health check."""

import logging

from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


class HomeView(TemplateView):
    template_name = "core/home.html"


@login_required
def notifications(request):
    """My notifications, newest first; opening the page marks them read."""
    items = list(request.user.notifications.all()[:100])
    request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    return render(request, "core/notifications.html", {"items": items})


class PageView(TemplateView):
    """A static information page; the template holds the text so it is translated like the rest."""


@require_GET
@never_cache
def healthz(request):
    """Is the database reachable, and how many background tasks wait? 503 when unhealthy."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        backlog = DBTaskResult.objects.ready().count()
    except DatabaseError:
        logger.exception("Health check: the database is not reachable")
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "tasks": {"backlog": backlog}})
