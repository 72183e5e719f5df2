"""The prep checklist: filled from the user's routine, grown by the plan, sent to calendars."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from planner.domain.checklist import (
    ChecklistEntry,
    Progress,
    checklist_entries,
    dynamic_items,
    item_problems,
    prep_progress,
    tidy_item_text,
)
from planner.domain.enums import PrepPhase, PriorityTier
from planner.domain.follow_ups import UID_DOMAIN, new_calendar_uid
from planner.domain.ids import ChecklistItemId, ChecklistTemplateId, EventId, PersonId
from planner.domain.model import ChecklistItem, ChecklistTemplate, Event
from planner.domain.rules import ValidationError
from planner.services.workspace import Workspace
from planner.storage.app_state import set_state, state_value

_INSTANCE_KEY = "instance_uid"


class ChecklistService:
    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self._repos = workspace.repos

    # The routine ---------------------------------------------------------------------------

    def generate(self, event_id: EventId) -> list[ChecklistItem]:
        """Fill the event's checklist from the enabled templates, the first time only."""
        with self._workspace.db.transaction():
            if self._repos.checklist.generated(event_id) is not False:
                return []  # filled before, or the event is gone
            start = self._repos.checklist.next_position(event_id)
            templates = [t for t in self._repos.templates.all() if t.enabled]
            items = self._repos.checklist.add_many(
                [
                    ChecklistItem(
                        event_id=event_id,
                        text=template.text,
                        due_offset_days=template.offset_days,
                        position=start + n,
                        uid=new_calendar_uid(),
                        template_key=template.key,
                    )
                    for n, template in enumerate(templates)
                ]
            )
            self._repos.checklist.mark_generated(event_id)
        return items

    # Reading -----------------------------------------------------------------------------------

    def entries(self, event: Event) -> list[ChecklistEntry]:
        assert event.id is not None
        return self.entries_for([event])[event.id]

    def entries_for(self, events: Sequence[Event]) -> dict[EventId, list[ChecklistEntry]]:
        """The checklists of several events, read in a handful of queries (the Home page
        shows every upcoming event's progress)."""
        ids = [event.id for event in events if event.id is not None]
        repos = self._repos
        goals = repos.goals.for_events(ids)
        attendances = repos.attendances.for_events(ids, planned_only=True)
        items = repos.checklist.for_events(ids)
        must_meet = {
            a.person_id
            for group in attendances.values()
            for a in group
            if a.tier is PriorityTier.MUST_MEET
        }
        names = self._names(must_meet)
        result = {}
        for event in events:
            assert event.id is not None
            dynamic = dynamic_items(goals.get(event.id, []), attendances.get(event.id, []), names)
            result[event.id] = checklist_entries(event, items.get(event.id, []), dynamic)
        return result

    def progress(self, event: Event) -> Progress:
        return prep_progress(self.entries(event))

    def _names(self, ids: set[PersonId]) -> dict[PersonId, str]:
        if not ids:
            return {}
        return self._repos.attendances.person_names(ids)

    # Editing -----------------------------------------------------------------------------------

    def add_item(self, event_id: EventId, text: str, offset_days: int) -> ChecklistItem:
        problems = item_problems(text, offset_days)
        if problems:
            raise ValidationError(problems)
        return self._repos.checklist.add(
            ChecklistItem(
                event_id=event_id,
                text=tidy_item_text(text),
                due_offset_days=offset_days,
                position=self._repos.checklist.next_position(event_id),
                uid=new_calendar_uid(),
            )
        )

    def edit_item(self, item: ChecklistItem, text: str, offset_days: int) -> ChecklistItem:
        """Change text or due day; the calendar sequence goes up so calendars take the edit."""
        problems = item_problems(text, offset_days)
        if problems:
            raise ValidationError(problems)
        changed = replace(
            item, text=tidy_item_text(text), due_offset_days=offset_days, sequence=item.sequence + 1
        )
        return self._repos.checklist.update(changed)

    def put_back(self, item: ChecklistItem) -> ChecklistItem:
        """Store `item` exactly as given: undo of an edit or a tick, redo of an add."""
        return self._repos.checklist.update(item)

    def set_done(self, item_id: ChecklistItemId, done: bool) -> ChecklistItem:
        item = self._repos.checklist.get(item_id)
        return self._repos.checklist.update(replace(item, done=done, sequence=item.sequence + 1))

    def delete_item(self, item_id: ChecklistItemId) -> ChecklistItem:
        return self._repos.checklist.delete(item_id)

    def restore_item(self, item: ChecklistItem) -> ChecklistItem:
        return self._repos.checklist.add(item)

    def order(self, event_id: EventId) -> list[ChecklistItemId]:
        return [i.id for i in self._repos.checklist.for_event(event_id) if i.id is not None]

    def set_order(self, ids: list[ChecklistItemId]) -> None:
        self._repos.checklist.set_order(ids)

    # Templates -------------------------------------------------------------------------------

    def templates(self) -> list[ChecklistTemplate]:
        return self._repos.templates.all()

    def add_template(self, phase: PrepPhase, text: str, offset_days: int) -> ChecklistTemplate:
        problems = item_problems(text, offset_days)
        if problems:
            raise ValidationError(problems)
        existing = self._repos.templates.all()
        return self._repos.templates.add(
            ChecklistTemplate(
                key=f"user-{new_calendar_uid().split('@')[0]}",
                phase=phase,
                text=tidy_item_text(text),
                offset_days=offset_days,
                position=max((t.position for t in existing), default=-1) + 1,
            )
        )

    def update_template(self, template: ChecklistTemplate) -> ChecklistTemplate:
        problems = item_problems(template.text, template.offset_days)
        if problems:
            raise ValidationError(problems)
        return self._repos.templates.update(replace(template, text=tidy_item_text(template.text)))

    def delete_template(self, template_id: ChecklistTemplateId) -> ChecklistTemplate:
        return self._repos.templates.delete(template_id)

    def restore_template(self, template: ChecklistTemplate) -> ChecklistTemplate:
        return self._repos.templates.add(template)

    def set_template_order(self, ids: list[ChecklistTemplateId]) -> None:
        self._repos.templates.set_order(ids)

    # Calendar ----------------------------------------------------------------------------------

    def dynamic_uid(self, key: str) -> str:
        """A stable UID for a self-ticking item: the same goal or person gives the same UID
        on every export, and no other database produces it."""
        import uuid

        db = self._workspace.db
        stored = state_value(db.connection, _INSTANCE_KEY)
        if stored is None and db.read_only is not None and db.path is not None:
            # Nothing can be stored: one derived from where the data is, the same each time.
            instance = str(uuid.uuid5(uuid.NAMESPACE_URL, db.path.absolute().as_uri()))
        elif stored is None:
            instance = str(uuid.uuid4())
            with db.transaction() as conn:
                set_state(conn, _INSTANCE_KEY, instance)
        else:
            instance = stored
        return f"{uuid.uuid5(uuid.UUID(instance), key)}@{UID_DOMAIN}"

    def _uid(self, entry: ChecklistEntry) -> str:
        if entry.item is not None:
            return entry.item.uid
        assert entry.dynamic is not None
        return self.dynamic_uid(entry.dynamic.key)

    def export_ics(self, event: Event, path: Path, style: str, now: datetime | None = None) -> int:
        """Write the open items as a calendar file (VTODO or all-day VEVENT with an alarm),
        atomically. Returns how many items were written."""
        from planner.interchange.atomic import write_atomically
        from planner.interchange.ics import CalendarStyle, CalendarTask, tasks_to_ics

        tasks = [
            CalendarTask(
                uid=self._uid(entry),
                summary=entry.text,
                due=entry.due,
                description=f"Preparation for {event.name}",
                sequence=entry.item.sequence if entry.item else 0,
                categories=("Networking Planner", event.name),
                url=event.url,
            )
            for entry in self.entries(event)
            if not entry.done
        ]
        data = tasks_to_ics(
            tasks,
            style=CalendarStyle(style),
            calendar_name=f"{event.name}: preparation",
            now=now or datetime.now(UTC),
        )
        write_atomically(path, data)
        return len(tasks)
