"""Voting: one vote per member and proposal, changeable until the close, never after it.

Who votes: members with the roles in ``DECIDING_ROLES`` (coordinators and members). The other
members (experts, owners, municipality partners, observers) read along but do not vote.

**Anonymous votes.** Every vote carries a *ballot key*: an HMAC, keyed with the ``SECRET_KEY``,
of the proposal and the member. It is the same for the same member and proposal, so the unique
constraint on it keeps one vote per member, and a member finds their own vote again (to see and
change it) by computing their key. In an anonymous proposal that key is all a vote holds of
its voter: no user, no time stamp, a random id, so the database shows neither who cast a vote
nor in which order. No page, export, API answer, log line, notification or admin screen links a
choice to a person, and none lists who has voted in an anonymous proposal either (that list
would have to be stored next to the votes, and the two could be matched); members see only
how many voted, and only where results may be seen. Whoever holds both the database and the
``SECRET_KEY`` could still recompute every member's key, so operators are trusted with the
server as they are with the rest of the platform. Members' reasons (for an objection or a
block) are shown without names.

**Which votes count.** The votes of the members who may vote when the vote ends. While a
proposal runs, a member who leaves or becomes an observer stops counting; when it closes, such
votes are removed and the number of eligible members is kept with the proposal, so its results
stay the same afterwards.

Two submissions of the same member at once: the proposal's row is locked for the vote (this
also keeps a vote from landing after a close), and should a second insert still collide with
the first on the unique constraint, the vote the first one saved is changed instead.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from openpromotor.decisions.models import PollType, Proposal, Vote, VoteChoice
from openpromotor.projects.errors import ActionRefused
from openpromotor.projects.models import Membership
from openpromotor.projects.rules import DECIDING_ROLES

BALLOT_SALT = "openpromotor.decisions.ballot"


def ballot_key(proposal_id: int, user_id: int, secret=None) -> str:
    """The member's key for this proposal (64 hex characters)."""
    message = f"{proposal_id}:{user_id}"
    return salted_hmac(BALLOT_SALT, message, secret=secret, algorithm="sha256").hexdigest()


def ballot_keys(proposal_id: int, user_id: int) -> list[str]:
    """The key under the current ``SECRET_KEY`` first, then under each of the
    ``SECRET_KEY_FALLBACKS``, so a vote cast before a key rotation stays the member's own."""
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return [ballot_key(proposal_id, user_id, secret) for secret in secrets]


def eligible_voters(project):
    """The active members who may vote in this project's proposals."""
    return get_user_model().objects.filter(
        is_active=True,
        project_memberships__project=project,
        project_memberships__role__in=DECIDING_ROLES,
    )


def may_vote_in(project, user) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            project=project, user=user, role__in=DECIDING_ROLES, user__is_active=True
        ).exists()
    )


def own_vote(proposal, user) -> Vote | None:
    """The person's own vote, found by their ballot key."""
    if not user.is_authenticated:
        return None
    keys = ballot_keys(proposal.pk, user.pk)
    return proposal.votes.filter(ballot_key__in=keys).prefetch_related("choices__option").first()


def voted_in(proposals, user) -> set[int]:
    """The ids of the proposals (of a list) the person has voted in, with one query."""
    if not user.is_authenticated:
        return set()
    keys = {key: p.pk for p in proposals for key in ballot_keys(p.pk, user.pk)}
    found = Vote.objects.filter(proposal__in=set(keys.values()), ballot_key__in=keys)
    found = found.values_list("ballot_key", flat=True)
    return {keys[key] for key in found}


def counted_votes(proposal):
    """The votes that count: all the votes of a closed proposal; while it runs (or has passed
    its closing time without being marked closed), those of the members who may vote now."""
    if proposal.status == Proposal.Status.CLOSED:
        return proposal.votes.all()
    voters = eligible_voters(proposal.project_id).values_list("pk", flat=True)
    keys = [key for user_id in voters for key in ballot_keys(proposal.pk, user_id)]
    return proposal.votes.filter(ballot_key__in=keys)


# --- Casting a vote ---------------------------------------------------------------------------


@transaction.atomic
def cast_vote(proposal, voter, picks: dict, reason: str = "") -> Vote:
    """Save (or change) the member's vote. ``picks`` maps each chosen option to its score
    (``None`` except in score polls). Refused, with nothing saved, after the close, for a
    person who may not vote, and for picks that do not fit the poll."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not proposal.is_open:
        raise ActionRefused(
            _("The vote closed on %(date)s, so your vote was not saved.")
            % {"date": date_format(timezone.localtime(proposal.ended_at), "j F Y, H:i")}
        )
    if not may_vote_in(proposal.project_id, voter):
        raise ActionRefused(_("Only coordinators and members vote; others read along."))
    reason = reason.strip()
    choices = _checked(proposal, picks, reason)
    keys = ballot_keys(proposal.pk, voter.pk)
    vote = _find_vote(proposal, keys) or _new_vote(proposal, keys[0])
    vote.ballot_key = keys[0]
    vote.voter = None if proposal.is_anonymous else voter
    vote.reason = reason
    vote.save()
    vote.choices.all().delete()
    VoteChoice.objects.bulk_create(
        VoteChoice(vote=vote, option=option, score=score) for option, score in choices
    )
    return vote


def _find_vote(proposal, keys) -> Vote | None:
    return proposal.votes.filter(ballot_key__in=keys).first()


def _new_vote(proposal, key) -> Vote:
    """A new, empty vote; when another submission of the same member has just saved one, that
    one (the unique constraint refuses a second)."""
    try:
        with transaction.atomic():
            return Vote.objects.create(proposal=proposal, ballot_key=key)
    except IntegrityError:
        return Vote.objects.get(proposal=proposal, ballot_key=key)


def _checked(proposal, picks: dict, reason: str) -> list:
    """The (option, score) pairs of a vote, after checking they fit the proposal."""
    options = {option.pk: option for option in proposal.options.all()}
    chosen = []
    for option, score in picks.items():
        if option.pk not in options:
            raise ActionRefused(_("That option belongs to another proposal."))
        chosen.append((options[option.pk], score))
    if proposal.is_score:
        scale = proposal.score_range()
        if {option.pk for option, _score in chosen} != set(options) or any(
            score not in scale for _option, score in chosen
        ):
            raise ActionRefused(
                _("Give every option a score from %(low)d to %(high)d.")
                % {"low": proposal.score_min, "high": proposal.score_max}
            )
        return chosen
    chosen = [(option, None) for option, _score in chosen]
    if proposal.poll_type == PollType.MULTIPLE_CHOICE:
        if not chosen:
            raise ActionRefused(_("Choose at least one option."))
    elif len(chosen) != 1:
        raise ActionRefused(_("Choose one option."))
    for option, _score in chosen:
        if option.needs_reason and not reason:
            raise ActionRefused(_("Give a reason: an objection or a block needs one."))
    return chosen
