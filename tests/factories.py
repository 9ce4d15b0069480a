"""factory_boy factories shared by the whole suite."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from openpromotor.accounts.models import MODERATORS_GROUP, User

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A person with a verified e-mail address; pass ``verified=False`` for one without."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name", locale="nl_BE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )

    @factory.post_generation
    def moderator(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=MODERATORS_GROUP))
