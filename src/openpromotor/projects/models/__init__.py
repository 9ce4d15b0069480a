"""The models of the project workspace, one module per part."""

from openpromotor.projects.models.activity import (
    Activity,
    DigestItem,
    EventKind,
    Frequency,
    NotificationSetting,
    Update,
)
from openpromotor.projects.models.discussions import Comment, Mention, Thread
from openpromotor.projects.models.documents import Document, DocumentVersion
from openpromotor.projects.models.project import (
    Invitation,
    JoinRequest,
    LegalForm,
    Membership,
    Part,
    Project,
    ProjectFollow,
    ProjectStatus,
    Purpose,
    Role,
)
from openpromotor.projects.models.roadmap import (
    Goal,
    Milestone,
    Phase,
    PhaseEvaluation,
    RoadmapTemplate,
    StepCard,
    StepCategory,
    Task,
    TemplatePhase,
)

__all__ = [
    "Activity",
    "Comment",
    "DigestItem",
    "Document",
    "DocumentVersion",
    "EventKind",
    "Frequency",
    "Goal",
    "Invitation",
    "JoinRequest",
    "LegalForm",
    "Membership",
    "Mention",
    "Milestone",
    "NotificationSetting",
    "Part",
    "Phase",
    "PhaseEvaluation",
    "Project",
    "ProjectFollow",
    "ProjectStatus",
    "Purpose",
    "RoadmapTemplate",
    "Role",
    "StepCard",
    "StepCategory",
    "Task",
    "TemplatePhase",
    "Thread",
    "Update",
]
