"""Distinct id types so a PersonId can never be passed where an EventId is wanted."""

from typing import NewType

PersonId = NewType("PersonId", int)
EventId = NewType("EventId", int)
GoalId = NewType("GoalId", int)
AttendanceId = NewType("AttendanceId", int)
ChecklistItemId = NewType("ChecklistItemId", int)
InteractionId = NewType("InteractionId", int)
FollowUpId = NewType("FollowUpId", int)
ChecklistTemplateId = NewType("ChecklistTemplateId", int)
