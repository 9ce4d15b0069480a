"""Limits on how often one person may post something (django-ratelimit on the shared cache).

django-ratelimit is used through its ``is_ratelimited`` function and is not an installed app:
its system check refuses the local-memory cache we use in development and does not know
Django's own Redis backend, which both increment atomically enough for these limits.
"""

from django.shortcuts import render
from django_ratelimit.core import is_ratelimited


def limited(request, group: str, rate: str) -> bool:
    """Count one POST of this user (or IP address) in ``group``; True once over ``rate``."""
    key = "user_or_ip"
    return is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True)


def too_many(request):
    return render(request, "core/too_many.html", status=429)
