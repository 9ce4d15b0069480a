import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from openpromotor.accounts.models import create_groups
from openpromotor.municipalities import loader
from openpromotor.municipalities.models import AdministrativeUnit, PostalCode
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    """Uploads in a temporary folder, fast hashing, tasks run at once, fresh rate limits."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def unverified_user(db):
    return UserFactory(verified=False)


@pytest.fixture
def moderator(db):
    return UserFactory(moderator=True)


@pytest.fixture
def user_client(client, user):
    client.force_login(user)
    return client


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Give transactional tests the data the migrations load.

    Django empties the whole database after each transactional test (browser tests included),
    which also removes the municipalities and groups that migrations created.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction", False)
    if transactional or "live_server" in request.fixturenames:
        request.getfixturevalue("transactional_db")
        if not AdministrativeUnit.objects.exists():
            loader.load(AdministrativeUnit, PostalCode)
            create_groups(Group)
