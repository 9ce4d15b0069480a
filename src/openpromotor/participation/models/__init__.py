"""The models of participation and governance, one module per part."""

from openpromotor.participation.models.bodies import Body, BodyMember, Meeting
from openpromotor.participation.models.plan import PlanCell
from openpromotor.participation.models.stakeholders import Relation, Stakeholder

__all__ = ["Body", "BodyMember", "Meeting", "PlanCell", "Relation", "Stakeholder"]
