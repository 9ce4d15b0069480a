import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory


@pytest.mark.django_db
def test_only_verified_active_people_may_contribute(user, unverified_user):
    assert user.has_perm("accounts.contribute")
    assert not unverified_user.has_perm("accounts.contribute")
    assert not AnonymousUser().has_perm("accounts.contribute")
    user.is_active = False
    assert not user.has_perm("accounts.contribute")


@pytest.mark.django_db
def test_moderation_is_for_moderators(user, moderator):
    assert moderator.has_perm("accounts.moderate")
    assert not user.has_perm("accounts.moderate")


@pytest.mark.django_db
def test_nobody_changes_another_persons_profile(user):
    other = UserFactory()
    assert user.has_perm("accounts.change_profile", user)
    assert not user.has_perm("accounts.change_profile", other)
    assert not AnonymousUser().has_perm("accounts.change_profile", other)
