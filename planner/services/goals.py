"""Networking goals per event: editing them, and how far along they are."""

from __future__ import annotations

from dataclasses import replace

from planner.domain.goals import GoalProgress, NetworkBalance, goal_problems, tidy_goal
from planner.domain.ids import EventId, GoalId
from planner.domain.model import Goal
from planner.domain.rules import ValidationError
from planner.services.workspace import Workspace
from planner.storage.goals import GoalSnapshot


def validate_goal(goal: Goal) -> Goal:
    problems = goal_problems(goal)
    if problems:
        raise ValidationError(problems)
    return tidy_goal(goal)


class GoalService:
    def __init__(self, workspace: Workspace) -> None:
        self._repos = workspace.repos

    def create(self, goal: Goal) -> Goal:
        """Save a new goal at the end of the event's list."""
        position = self._repos.goals.next_position(goal.event_id)
        return self._repos.goals.add(replace(validate_goal(goal), position=position))

    def update(self, goal: Goal) -> Goal:
        return self._repos.goals.update(validate_goal(goal))

    def delete(self, goal_id: GoalId) -> GoalSnapshot:
        return self._repos.goals.delete_with_links(goal_id)

    def restore(self, snapshot: GoalSnapshot) -> Goal:
        return self._repos.goals.restore(snapshot)

    def for_event(self, event_id: EventId) -> list[Goal]:
        return self._repos.goals.for_event(event_id)

    def order(self, event_id: EventId) -> list[GoalId]:
        return [g.id for g in self.for_event(event_id) if g.id is not None]

    def set_order(self, ids: list[GoalId]) -> None:
        self._repos.goals.set_order(ids)

    def progress(self, event_id: EventId) -> list[GoalProgress]:
        """Progress is counted, never typed: linked attendees marked met, against the target."""
        return self.progress_for([event_id])[event_id]

    def progress_for(self, event_ids: list[EventId]) -> dict[EventId, list[GoalProgress]]:
        """What `goal_progress` makes of each event's goals and attendances, with the links
        counted by the database instead of every planned attendance read (Home shows the
        progress of every upcoming event)."""
        goals = self._repos.goals.for_events(event_ids)
        links = self._repos.goals.link_counts(event_ids)
        result = {}
        for event_id in event_ids:
            progress = []
            for goal in goals.get(event_id, []):
                linked, met = links.get(goal.id, (0, 0)) if goal.id is not None else (0, 0)
                progress.append(GoalProgress(goal, met=met, shortlisted=linked))
            result[event_id] = progress
        return result

    def balance(self) -> NetworkBalance:
        goals, met = self._repos.goals.network_counts()
        return NetworkBalance(goals=goals, met=met)
