"""Saved searches: what is new for them, and the alert e-mails (instant, daily, weekly).

A digest lists only what was published after the search's watermark (``checked_until``) and
moves the watermark on, so the next one starts where this one ended; an empty digest is not
sent. Every alert carries a one-click unsubscribe link: a token signed with the server's secret
(``django.core.signing``) names the search, so it works without logging in, and the
``List-Unsubscribe`` headers let mail clients offer the same (RFC 8058).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from openpromotor.listings import candidates, matches, matching
from openpromotor.listings.filters import ListingFilterForm, PlaceSearchForm
from openpromotor.listings.models import Listing, SavedSearch
from openpromotor.listings.news import NewThings, could_have_news
from openpromotor.listings.vocabulary import Frequency, Kind, Status
from openpromotor.places.models import Place

UNSUBSCRIBE_SALT = "openpromotor.listings.unsubscribe"
MAX_ITEMS = 20
"""An alert lists at most this many items (and says how many more there are)."""

UPDATE_BATCH = 500
"""Watermarks move on after each batch of this many searches (their e-mails are out)."""

ALERT_MIN_SCORE = 60
"""A new match is news when it scores at least this."""

MATCHED_KINDS = {
    Kind.OFFER_SPACE: {Kind.SEEK_SPACE},
    Kind.SEEK_PARTNERS: {Kind.OFFER_EXPERTISE, Kind.SEEK_SPACE},
    Kind.OFFER_EXPERTISE: {Kind.SEEK_PARTNERS},
}
"""The kinds of new listing that can be a match of a listing other than a need for space (whose
matches are new places and offers)."""


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    score: int | None = None


def unsubscribe_token(search: SavedSearch) -> str:
    return signing.dumps(search.pk, salt=UNSUBSCRIBE_SALT)


def search_for_token(token: str) -> SavedSearch | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return SavedSearch.objects.filter(pk=pk).first()


def filter_form(search: SavedSearch):
    """The validated filter form of a listings or places search (None when no longer valid)."""
    form_class = ListingFilterForm if search.target == SavedSearch.Target.LISTINGS else None
    form_class = form_class or PlaceSearchForm
    form = form_class(QueryDict(search.query))
    form.box_in_index = False  # a digest's window of new things is the selective condition
    return form if form.is_valid() else None


def new_items(search: SavedSearch, news: NewThings) -> list[Item]:
    """What is new for a search in the window, best or newest first."""
    if search.target == SavedSearch.Target.MATCHES:
        return _new_matches(search, news)
    form = filter_form(search)
    if form is None or not could_have_news(search, form, news):
        return []
    if search.target == SavedSearch.Target.LISTINGS:
        found = form.filter(news.window(Listing.objects.published()))
    else:
        found = form.filter(news.window(Place.objects.published()))
    kind = "listing" if search.target == SavedSearch.Target.LISTINGS else "place"
    own = {"author_id" if kind == "listing" else "owner_id": search.user_id}
    found = found.exclude(**own).order_by("-published_at", "-pk")
    return [Item(title, _url(kind, pk)) for pk, title in found.values_list("pk", "title")]


def _url(kind: str, pk: int) -> str:
    return reverse("places:detail" if kind == "place" else "listings:detail", args=[pk])


def _new_matches(search: SavedSearch, news: NewThings) -> list[Item]:
    listing = search.listing
    if listing is None or listing.status != Status.PUBLISHED:
        return []
    if listing.kind == Kind.SEEK_SPACE:
        return _new_places_and_offers(search, listing, news)
    kinds = MATCHED_KINDS[listing.kind]
    if not any(brief.kind in kinds for brief in news.briefs(SavedSearch.Target.LISTINGS)):
        return []
    new = news.window(Listing.objects.published())
    found = matches.matches_among(listing, new, limit=candidates.MAX_CANDIDATES)
    return [
        Item(item.title, item.url, item.score)
        for item in found
        if item.score >= ALERT_MIN_SCORE and item.contact_id != search.user_id
    ]


def _new_places_and_offers(search: SavedSearch, need_listing: Listing, news: NewThings):
    """The new places and offers that fit a need: scored in Python against the window's rows
    near the need (loaded once per run), not queried per search."""
    if not news.rows():
        return []
    need = candidates.need_of(need_listing, news.codes_of(need_listing.pk))
    fits = candidates.could_fit(need)
    scored = []
    for row in news.rows_near(need):
        if row.contact_id == search.user_id or not fits(row.candidate):
            continue
        score = matching.score_candidate(need, row.candidate).score
        if score >= ALERT_MIN_SCORE:
            scored.append(Item(row.title, _url(row.kind, row.id), score))
    scored.sort(key=lambda item: -item.score)
    return scored


def send_digests(frequency: str, now=None) -> tuple[int, int]:
    """Send the daily or weekly digests; returns (e-mails sent, searches looked at)."""
    now = now or timezone.now()
    windows: dict = {}
    codes: dict[int, frozenset[str]] = {}  # the municipalities of the searches' needs
    due = SavedSearch.objects.filter(
        active=True, frequency=frequency, user__is_active=True, checked_until__lt=now
    )
    ids = list(due.order_by("pk").values_list("pk", flat=True))
    sent = 0
    for first in range(0, len(ids), UPDATE_BATCH):
        chunk = list(
            SavedSearch.objects.filter(pk__in=ids[first : first + UPDATE_BATCH]).select_related(
                "user", "listing"
            )
        )
        need_ids = [search.listing_id for search in chunk if search.listing_id]
        codes.update(dict.fromkeys(need_ids, frozenset()))
        codes.update(candidates.codes_by_listing_id(need_ids))
        alerted = []
        for search in chunk:
            news = windows.setdefault(
                search.checked_until, NewThings(search.checked_until, now, codes=codes)
            )
            items = new_items(search, news)
            if items:
                send_alert(search, items)
                alerted.append(search.pk)
        _move_watermarks(ids[first : first + UPDATE_BATCH], alerted, now)
        sent += len(alerted)
    return sent, len(ids)


def _move_watermarks(done: list[int], alerted: list[int], now) -> None:
    SavedSearch.objects.filter(pk__in=done).update(checked_until=now)
    SavedSearch.objects.filter(pk__in=alerted).update(last_sent_at=now)


def alert_instantly(kind: str, pk: int) -> int:
    """Tell the "at once" searches that a newly published place or listing fits them."""
    model = Place if kind == "place" else Listing
    thing = model.objects.published().filter(pk=pk).first()
    if thing is None:
        return 0
    news = NewThings(only=(model, pk))
    targets = [SavedSearch.Target.MATCHES]
    targets.append(SavedSearch.Target.PLACES if kind == "place" else SavedSearch.Target.LISTINGS)
    searches = SavedSearch.objects.filter(
        active=True, frequency=Frequency.INSTANT, target__in=targets, user__is_active=True
    ).select_related("user", "listing")
    sent = 0
    for search in searches:
        items = new_items(search, news)
        if items:
            send_alert(search, items)
            search.last_sent_at = timezone.now()
            search.save(update_fields=["last_sent_at"])
            sent += 1
    return sent


def send_alert(search: SavedSearch, items: list[Item]) -> None:
    """One e-mail about a search's new items, in the platform's language."""
    with translation.override(settings.LANGUAGE_CODE):
        unsubscribe = settings.SITE_URL + reverse(
            "listings:unsubscribe", args=[unsubscribe_token(search)]
        )
        count = len(items)
        subject = ngettext(
            "%(count)s new for your search “%(name)s”",
            "%(count)s new for your search “%(name)s”",
            count,
        ) % {"count": count, "name": search.name}
        lines = [
            _("New since the last alert for “%(name)s”:") % {"name": search.name},
            "",
        ]
        for item in items[:MAX_ITEMS]:
            score = f" ({item.score}/100)" if item.score is not None else ""
            lines.append(f"- {item.title}{score}\n  {settings.SITE_URL}{item.url}")
        if count > MAX_ITEMS:
            lines.append(_("… and %(count)s more.") % {"count": count - MAX_ITEMS})
        lines += [
            "",
            _("Manage your saved searches: %(url)s")
            % {"url": settings.SITE_URL + reverse("listings:searches")},
            _("Stop these alerts with one click: %(url)s") % {"url": unsubscribe},
            "",
            "— Open Promotor",
        ]
        EmailMessage(
            subject=subject[:150],
            body="\n".join(lines),
            to=[search.user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        ).send()
