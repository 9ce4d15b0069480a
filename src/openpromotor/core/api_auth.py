"""Who is calling the API: a personal token, or the browser's session with its CSRF token.

Both set ``request.user``, so endpoints check permissions with ``request.user.has_perm`` exactly
as views do. An anonymous caller gets 401 from django-ninja; what a known caller may do is the
endpoint's business (403).
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from openpromotor.core.models import ApiToken

LAST_USED_PRECISION = timedelta(minutes=5)
"""``last_used_at`` is written at most this often, so reads do not turn into a write each."""


class TokenAuth(HttpBearer):
    """``Authorization: Bearer op_…`` with a key from ``openpromotor create_api_token``."""

    def authenticate(self, request, token):
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=ApiToken.hash_key(token), user__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        if found.last_used_at is None or now - found.last_used_at > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; CSRF is checked only once a user is logged in.

    django-ninja's own ``SessionAuth`` checks CSRF first, which answers an anonymous caller
    with 403 instead of 401.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def authenticate(self, request, key):
        if not request.user.is_authenticated:
            return None
        if check_csrf(request):
            raise HttpError(403, "CSRF check failed.")
        return request.user

    def _get_key(self, request):
        return request.COOKIES.get(self.param_name)


api_auth = [TokenAuth(), SessionAuth()]
"""Give this as ``auth=`` to endpoints that need a known caller."""
