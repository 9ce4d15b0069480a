"""The influence-interest grid and the relations graph of the map, each with its table."""

from django.shortcuts import render

from openpromotor.participation import charts, stakeholders
from openpromotor.participation.views.access import page_context, project_for


def analysis(request, pk):
    project = project_for(request, pk, "view_stakeholders")
    people = list(project.stakeholders.order_by("name", "pk"))
    numbers = {stakeholder.pk: number for number, stakeholder in enumerate(people, start=1)}
    relations = list(stakeholders.relations_of(project))
    labels = charts.quadrant_labels()
    for stakeholder in people:
        stakeholder.number = numbers[stakeholder.pk]
        stakeholder.quadrant = labels[
            charts.quadrant_of(stakeholder.influence, stakeholder.interest)
        ]
    ordered = charts.graph_order(people)
    for stakeholder in ordered:
        stakeholder.relation_count = sum(
            stakeholder.pk in (relation.source_id, relation.target_id) for relation in relations
        )
    context = page_context(
        request,
        project,
        "analysis",
        stakeholders=people,
        in_graph_order=ordered,
        relations=relations,
        grid=charts.influence_interest_grid(people, numbers) if people else None,
        graph=charts.relations_graph(people, relations) if people else None,
        legend=charts.legend(),
        quadrants=_quadrant_summary(people, labels),
    )
    return render(request, "participation/analysis.html", context)


def _quadrant_summary(people, labels) -> list[tuple[str, list]]:
    """Each quadrant with the stakeholders in it, in the order a reader scans the grid."""
    order = [
        charts.Quadrant.MANAGE_CLOSELY,
        charts.Quadrant.KEEP_SATISFIED,
        charts.Quadrant.KEEP_INFORMED,
        charts.Quadrant.MONITOR,
    ]
    return [(labels[key], [s for s in people if s.quadrant == labels[key]]) for key in order]
