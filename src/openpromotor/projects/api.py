"""The projects API: ``GET /api/v1/projects`` and ``GET /api/v1/projects/{id}``.

Public data only, for everyone, members included: the project's public face, and each part
only while the project has made it public. Tasks, members-only parts and members-only news
never appear here (a test checks that), so a token or a session changes nothing. Linked
buildings appear only while they are published (``buildings.py``).
"""

from datetime import date, datetime

from django.db.models import Count, Q
from django.http import Http404
from ninja import Field, Query, Router, Schema

from openpromotor.projects import buildings
from openpromotor.projects.models import (
    LegalForm,
    Part,
    Phase,
    Project,
    ProjectStatus,
    Purpose,
    Role,
)

router = Router(tags=["projects"])

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


class MunicipalityOut(Schema):
    nis_code: str
    name: str


class PhaseRef(Schema):
    number: int
    title: str


class ProgressOut(Schema):
    closed_phases: int
    phases: int


class PointOut(Schema):
    latitude: float
    longitude: float


class ProjectOut(Schema):
    id: int
    name: str
    summary: str
    purpose: Purpose
    legal_form: LegalForm
    status: ProjectStatus
    municipality: MunicipalityOut
    current_phase: PhaseRef | None
    progress: ProgressOut
    member_count: int
    places: list[int] = Field(
        description="Ids of the linked buildings that are published (see /places/{id})"
    )
    location: PointOut | None = Field(
        description="The public location of the first of these buildings (approximate when "
        "the building asks for it)"
    )
    url: str = Field(description="The project's public page")


class ProjectList(Schema):
    items: list[ProjectOut]
    next: str | None = Field(None, description="The next page; absent on the last page")


class GoalOut(Schema):
    text: str
    done: bool


class MilestoneOut(Schema):
    title: str
    date: date
    reached: bool


class PhaseOut(PhaseRef):
    state: str
    goals: list[GoalOut]
    milestones: list[MilestoneOut]


class MemberOut(Schema):
    name: str
    role: Role


class UpdateOut(Schema):
    title: str
    body: str = Field(description="Markdown")
    created_at: datetime


class ProjectDetail(ProjectOut):
    public_parts: list[Part]
    story: str | None = Field(description="Markdown; null when the story is for members only")
    roadmap: list[PhaseOut] | None = Field(description="Null when the roadmap is members-only")
    members: list[MemberOut] | None = Field(description="Null when the list is members-only")
    listings: list[int] = Field(description="Ids of the group's published listings")
    news: list[UpdateOut] = Field(description="The latest public news posts")


class ProjectFilters(Schema):
    municipality: str | None = Field(None, description="NIS code")
    purpose: Purpose | None = None
    phase: int | None = Field(None, ge=1, description="Number of the current phase")
    status: ProjectStatus | None = None
    q: str | None = Field(None, max_length=100, description="Words in the name or summary")


class ErrorOut(Schema):
    detail: str


def _summary(request, project) -> dict:
    location = buildings.public_location(project)
    phase = project.current_phase
    return {
        "id": project.pk,
        "name": project.name,
        "summary": project.summary,
        "purpose": project.purpose,
        "legal_form": project.legal_form,
        "status": project.status,
        "municipality": {
            "nis_code": project.municipality.nis_code,
            "name": project.municipality.name,
        },
        "current_phase": {"number": phase.number, "title": phase.title} if phase else None,
        "progress": {"closed_phases": project.closed_phases, "phases": project.phase_count},
        "member_count": project.member_count,
        "places": [place.pk for place in buildings.public_places(project)],
        "location": {"latitude": location[0], "longitude": location[1]} if location else None,
        "url": request.build_absolute_uri(project.get_absolute_url()),
    }


def _roadmap(project) -> list[dict]:
    phases = project.phases.prefetch_related("goals", "milestones")
    return [
        {
            "number": phase.number,
            "title": phase.title,
            "state": phase.state,
            "goals": [{"text": goal.text, "done": goal.done} for goal in phase.goals.all()],
            "milestones": [
                {"title": m.title, "date": m.due_date, "reached": m.reached_at is not None}
                for m in phase.milestones.all()
            ],
        }
        for phase in phases
    ]


def _projects():
    """With the counts each item needs, so a page of projects costs a fixed number of queries."""
    projects = Project.objects.select_related("municipality", "current_phase").annotate(
        member_count=Count("memberships", distinct=True),
        phase_count=Count("phases", distinct=True),
        closed_phases=Count("phases", filter=Q(phases__state=Phase.State.CLOSED), distinct=True),
    )
    return buildings.with_public_places(projects)


@router.get("", response=ProjectList, summary="Projects (public data)")
def list_projects(
    request,
    filters: Query[ProjectFilters],
    limit: int = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE),
    after: int = Query(0, ge=0, description="The id of the previous page's last project"),
):
    """Projects in id order, a page at a time: follow ``next`` for the rest."""
    projects = _projects().filter(pk__gt=after).order_by("pk")
    if filters.municipality:
        projects = projects.filter(municipality__nis_code=filters.municipality)
    if filters.purpose:
        projects = projects.filter(purpose=filters.purpose)
    if filters.phase:
        projects = projects.filter(current_phase__number=filters.phase)
    if filters.status:
        projects = projects.filter(status=filters.status)
    if filters.q:
        projects = projects.filter(Q(name__icontains=filters.q) | Q(summary__icontains=filters.q))
    page = list(projects[: limit + 1])
    body = {"items": [_summary(request, project) for project in page[:limit]]}
    if len(page) > limit:
        query = request.GET.copy()
        query["after"] = page[limit - 1].pk
        body["next"] = request.build_absolute_uri("?" + query.urlencode())
    return body


@router.get(
    "/{int:project_id}",
    response={200: ProjectDetail, 404: ErrorOut},
    summary="One project (public data)",
)
def get_project(request, project_id: int):
    project = _projects().filter(pk=project_id).first()
    if project is None:
        raise Http404
    public = project.public_parts()
    body = _summary(request, project)
    body["public_parts"] = sorted(public)
    body["story"] = project.story if Part.STORY in public else None
    body["roadmap"] = _roadmap(project) if Part.ROADMAP in public else None
    body["members"] = (
        [
            {"name": membership.user.display_name, "role": membership.role}
            for membership in project.memberships.select_related("user")
        ]
        if Part.MEMBERS in public
        else None
    )
    body["listings"] = list(project.listings.published().values_list("pk", flat=True))
    body["news"] = [
        {"title": update.title, "body": update.body, "created_at": update.created_at}
        for update in project.updates.filter(is_public=True)[:10]
    ]
    return body
