import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from openpromotor.accounts import privacy
from openpromotor.accounts.forms import DeleteAccountForm, ProfileForm
from openpromotor.accounts.models import User


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    form = ProfileForm(request.POST or None, request.FILES or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile_edit")
    return render(request, "accounts/profile_edit.html", {"form": form})


def profile_public(request, pk):
    """A person's public profile: only what they chose to show; 404 when it is not public."""
    person = get_object_or_404(
        User.objects.select_related("home_municipality").prefetch_related("role_set", "groups"),
        pk=pk,
    )
    if not request.user.has_perm("accounts.view_profile", person):
        raise Http404
    return render(request, "accounts/profile_public.html", {"person": person})


@login_required
@require_http_methods(["GET"])
def data_export(request):
    """Download everything the platform holds about me, as JSON."""
    data = privacy.export_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False), content_type="application/json"
    )
    filename = f"openpromotor-my-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        privacy.delete_account(user)
        messages.success(request, _("Your account has been deleted. Thank you for taking part."))
        return redirect("core:home")
    return render(request, "accounts/account_delete.html", {"form": form})
