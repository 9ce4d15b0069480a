"""My conversations, writing to a listing's author or a building's owner, blocking, reporting.

A conversation of other people answers 404, so nobody learns that it exists.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from openpromotor.conversations import services
from openpromotor.conversations.forms import MessageForm, MessageReportForm
from openpromotor.conversations.models import Conversation, Message, MessageReport
from openpromotor.conversations.rules import blocks_between
from openpromotor.core.ratelimits import limited, too_many
from openpromotor.listings.models import Listing
from openpromotor.listings.vocabulary import Status as ListingStatus
from openpromotor.places.models import Place
from openpromotor.places.models import Status as PlaceStatus

START_RATE = "10/h"
MESSAGE_RATE = "60/h"
REPORT_RATE = "20/h"


def _conversation_for(request, pk) -> Conversation:
    conversation = get_object_or_404(
        Conversation.objects.select_related("starter", "recipient", "listing", "place"), pk=pk
    )
    if not request.user.has_perm("conversations.view_conversation", conversation):
        raise Http404
    return conversation


@login_required
def inbox(request):
    conversations = (
        Conversation.objects.involving(request.user)
        .select_related("starter", "recipient")
        .annotate(
            unread=Count(
                "messages",
                filter=Q(messages__read_at__isnull=True) & ~Q(messages__sender=request.user),
            )
        )[:200]
    )
    rows = [(c, c.other_party(request.user)) for c in conversations]
    return render(request, "conversations/inbox.html", {"rows": rows})


@login_required
@require_http_methods(["GET", "POST"])
def start_about_listing(request, pk):
    listing = get_object_or_404(Listing.objects.select_related("author"), pk=pk)
    if listing.status != ListingStatus.PUBLISHED or listing.author is None:
        raise Http404
    return _start(
        request, listing.author, listing.title, listing.get_absolute_url(), listing=listing
    )


@login_required
@require_http_methods(["GET", "POST"])
def start_about_place(request, pk):
    place = get_object_or_404(Place.objects.select_related("owner"), pk=pk)
    if place.status != PlaceStatus.PUBLISHED or place.owner is None:
        raise Http404
    return _start(request, place.owner, place.title, place.get_absolute_url(), place=place)


def _start(request, recipient, title, back_url, **subject):
    if not request.user.has_perm("accounts.contribute"):
        raise PermissionDenied(_("Verify your e-mail address before you send messages."))
    if recipient.pk == request.user.pk:
        raise PermissionDenied(_("This is your own."))
    if blocks_between(request.user, recipient) or not recipient.is_active:
        raise PermissionDenied(_("You cannot send messages to this person."))
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if limited(request, "conversations.start", START_RATE):
            return too_many(request)
        if form.is_valid():
            conversation = services.start(
                request.user, recipient, form.cleaned_data["body"], **subject
            )
            messages.success(request, _("Your message was sent."))
            return redirect(conversation)
    context = {
        "form": form,
        "recipient": recipient,
        "title": title,
        "back_url": back_url,
        "about_place": "place" in subject,
    }
    return render(request, "conversations/start.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def detail(request, pk):
    conversation = _conversation_for(request, pk)
    user = request.user
    may_reply = user.has_perm("conversations.reply", conversation)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if not may_reply:
            raise PermissionDenied(_("You cannot send messages in this conversation."))
        if limited(request, "conversations.message", MESSAGE_RATE):
            return too_many(request)
        if form.is_valid():
            services.send(conversation, user, form.cleaned_data["body"])
            return redirect(conversation)
    services.mark_read(conversation, user)
    other = conversation.other_party(user)
    context = {
        "conversation": conversation,
        "other": other,
        "messages_list": conversation.messages.select_related("sender"),
        "form": form,
        "may_reply": may_reply,
        "i_blocked": other is not None and user.blocks.filter(blocked=other).exists(),
    }
    return render(request, "conversations/detail.html", context)


@login_required
@require_POST
def block(request, pk):
    conversation = _conversation_for(request, pk)
    other = conversation.other_party(request.user)
    if other is None:
        raise Http404
    if services.toggle_block(request.user, other):
        messages.success(request, _("You blocked this person: neither of you can write now."))
    else:
        messages.info(request, _("You no longer block this person."))
    return redirect(conversation)


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    message = get_object_or_404(Message.objects.select_related("conversation"), pk=pk)
    if not message.conversation.has_party(request.user):
        raise Http404
    if not request.user.has_perm("conversations.report_message", message):
        raise PermissionDenied
    form = MessageReportForm(request.POST or None)
    if request.method == "POST":
        if limited(request, "conversations.report", REPORT_RATE):
            return too_many(request)
        if form.is_valid():
            MessageReport.objects.create(
                message=message, reporter=request.user, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Thank you. A moderator will look at this message."))
            return redirect(message.conversation)
    return render(request, "conversations/report.html", {"form": form, "message": message})


@login_required
@require_POST
def decide(request, pk):
    if not request.user.has_perm("conversations.moderate"):
        raise PermissionDenied
    item = get_object_or_404(MessageReport, pk=pk)
    if item.state != MessageReport.State.OPEN:
        messages.info(request, _("Someone already decided on this."))
    else:
        services.decide(item, request.user, accept=request.POST.get("accept") == "1")
        messages.success(request, _("Your decision has been saved."))
    return redirect("places:moderation")
