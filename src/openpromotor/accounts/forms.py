from django import forms
from django.utils.translation import gettext_lazy as _

from openpromotor.accounts.models import Role, User
from openpromotor.core.forms import StyledFormMixin
from openpromotor.core.images import reencode_image
from openpromotor.municipalities.models import Municipality

AVATAR_SIZE = (512, 512)


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form (allauth adds e-mail and password)."""

    field_order = ["email", "password1", "password2", "display_name", "accept_terms"]

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=80,
        help_text=_("The name others see next to what you do. You can change it later."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and have read the privacy notice."), required=True
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(StyledFormMixin, forms.ModelForm):
    roles = forms.MultipleChoiceField(
        label=_("Roles I take up"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    remove_avatar = forms.BooleanField(label=_("Remove my avatar"), required=False)

    class Meta:
        model = User
        fields = [
            "display_name",
            "bio",
            "home_municipality",
            "roles",
            "organisation",
            "skills",
            "avatar",
            "profile_is_public",
            "show_bio",
            "show_municipality",
            "show_roles",
            "show_organisation",
            "show_skills",
            "show_avatar",
        ]
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 4}),
            "avatar": forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }
        help_texts = {
            "avatar": _("JPEG, PNG or WebP, at most 10 MB. We remove the photo's metadata."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_municipality"].queryset = Municipality.objects.current()
        self.fields["home_municipality"].label_from_instance = lambda unit: unit.name
        self.initial.setdefault("roles", self.instance.roles)

    def visibility_fields(self):
        return [self[name] for name in self.Meta.fields if name.startswith(("show_", "profile_"))]

    def clean_avatar(self):
        avatar = self.cleaned_data.get("avatar")
        if avatar and avatar != self.instance.avatar:
            return reencode_image(avatar, AVATAR_SIZE)
        return avatar

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data.get("remove_avatar") and user.avatar:
            user.avatar.delete(save=False)
            user.avatar = ""
        if commit:
            user.save()
            user.set_roles(self.cleaned_data["roles"])
        return user


class DeleteAccountForm(StyledFormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password
