"""The results of a proposal as CSV rows, for the minutes of a meeting.

Only what the results page shows: the counts, and for named votes who voted what. An anonymous
proposal's export has the reasons without names and no list of voters. Cells that a
spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``) get a leading apostrophe.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from openpromotor.decisions.results import Tally, summary

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def result_rows(proposal, found: Tally) -> list[list[str]]:
    rows = [
        [_("Proposal"), proposal.title],
        [_("Kind of vote"), proposal.get_poll_type_display()],
        [_("Status"), _("closed") if proposal.has_ended else _("open")],
        [_("Voting closes at"), date_format(timezone.localtime(proposal.closes_at), "Y-m-d H:i")],
        [_("Members who may vote"), found.eligible],
        [_("Votes"), found.votes],
        [_("Quorum (%)"), found.quorum],
        [_("Quorum reached"), _("yes") if found.quorum_reached else _("no")],
        [_("Result"), summary(found) or _("not final while the vote runs")],
        [],
    ]
    if proposal.is_score:
        rows.append([_("Option"), _("Score total"), _("Score average")])
        rows += [[row.label, row.score_total, row.score_average] for row in found.options]
    else:
        rows.append([_("Option"), _("Votes"), _("Share (%)")])
        rows += [[row.label, row.votes, row.share] for row in found.options]
    if found.ballots is not None:
        rows += [[], [_("Member"), _("Vote"), _("Reason")]]
        rows += [
            [ballot.voter, "; ".join(ballot.choices), ballot.reason] for ballot in found.ballots
        ]
    elif found.reasons:
        rows += [[], [_("Vote"), _("Reason")]]  # anonymous: no names
        rows += [[reason.option, reason.text] for reason in found.reasons]
    return [[cell(value) for value in row] for row in rows]
