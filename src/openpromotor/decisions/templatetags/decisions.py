"""``{% open_proposals project %}``: the proposals open for votes, for the workspace dashboard.

It checks the permission itself, so a page can include it for anyone: non-members get nothing.
"""

from django import template

from openpromotor.decisions.voting import voted_in

register = template.Library()
SHOWN = 5


@register.inclusion_tag("decisions/_open_proposals.html", takes_context=True)
def open_proposals(context, project):
    user = context["request"].user
    if not user.has_perm("decisions.view_proposals", project):
        return {"shown": False}
    running = list(project.proposals.running().order_by("closes_at", "pk")[:SHOWN])
    return {
        "shown": True,
        "project": project,
        "proposals": running,
        "voted": voted_in(running, user),
        "may_vote": user.has_perm("decisions.vote", project),
    }
