"""services: the checklist routine, editing items, self-ticking items, calendar export, goals,
the dashboard, and checklists in databases written before checklists had calendar UIDs."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from planner.domain.checklist import MAX_ITEM_TEXT, RESEARCH_KEY, Progress
from planner.domain.enums import AttendanceStatus, NetworkType, PriorityTier
from planner.domain.ids import EventId, GoalId
from planner.domain.model import Attendance, Event, Goal
from planner.domain.ordering import moved
from planner.domain.rules import ValidationError
from planner.interchange.ics import ics_to_tasks
from planner.services.checklist import ChecklistService
from planner.services.dashboard import build_dashboard
from planner.services.events import EventService
from planner.services.goals import GoalService
from planner.services.resources import DEFAULT_TEMPLATES
from planner.services.routine import install_default_templates, load_default_templates
from planner.services.workspace import DATABASE_NAME, Workspace
from planner.storage.errors import NotFoundError
from tests.builders import event_in, person_in

LISBON = ZoneInfo("Europe/Lisbon")
NEW_YORK = ZoneInfo("America/New_York")
SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def shipped_templates() -> list[dict[str, Any]]:
    data = json.loads(DEFAULT_TEMPLATES.read_text(encoding="utf-8"))
    templates = data["templates"]
    assert isinstance(templates, list)
    return templates


def make_event(
    workspace: Workspace,
    name: str = "Web Summit",
    start: datetime = datetime(2026, 6, 10, 9, 0, tzinfo=LISBON),
    hours: int = 9,
    zone: str = "Europe/Lisbon",
    **changes: Any,
) -> Event:
    """An event added around this module's NOW (by default nine days after it, in Lisbon),
    given by its start and length: the routine's due dates are counted from these."""
    return event_in(
        workspace, name, start=start, end=start + timedelta(hours=hours), timezone=zone, **changes
    )


def attend(
    workspace: Workspace,
    event: Event,
    name: str,
    goals: set[GoalId | None] | None = None,
    **kw: Any,
) -> Attendance:
    assert event.id is not None
    ids = frozenset(g for g in (goals or set()) if g is not None)
    return workspace.repos.attendances.add(
        Attendance(event_id=event.id, person_id=person_in(workspace, name), goal_ids=ids, **kw)
    )


def new_goal(workspace: Workspace, event: Event, text: str = "Meet 3 investors", **kw: Any) -> Goal:
    assert event.id is not None
    values: dict[str, Any] = {"network_type": NetworkType.STRATEGIC, "target_count": 3}
    values.update(kw)
    return GoalService(workspace).create(Goal(event_id=event.id, text=text, **values))


def read_calendar(path: Path) -> tuple[list[str], list[tuple[str, date, str]]]:
    """Component names, and (uid, date, summary) per item, as a calendar app would read them."""
    data = path.read_bytes()
    calendar = icalendar.Calendar.from_ical(data)
    kinds = [c.name for c in calendar.subcomponents]
    return kinds, [(t.uid, t.due, t.summary) for t in ics_to_tasks(data)]


# --- the default routine ---------------------------------------------------------------------


def test_in_memory_workspace_installs_the_shipped_routine(workspace: Workspace) -> None:
    shipped = shipped_templates()
    assert len(shipped) == 17
    templates = ChecklistService(workspace).templates()
    assert [(t.key, t.phase.value, t.text, t.offset_days) for t in templates] == [
        (s["key"], s["phase"], s["text"], s["offset_days"]) for s in shipped
    ]
    assert [t.position for t in templates] == list(range(17))
    assert all(t.enabled for t in templates)
    assert load_default_templates() == [replace(t, id=None) for t in templates]


def test_the_routine_is_installed_only_once(workspace: Workspace) -> None:
    assert install_default_templates(workspace.db) is False
    assert workspace.repos.templates.count() == 17
    for template in workspace.repos.templates.all():
        assert template.id is not None
        workspace.repos.templates.delete(template.id)
    assert install_default_templates(workspace.db) is False
    assert workspace.repos.templates.count() == 0


def test_deleting_the_routine_is_final_across_reopening(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Workspace.open(folder) as workspace:
        assert workspace.created
        assert workspace.repos.templates.count() == 17
        service = ChecklistService(workspace)
        for template in service.templates():
            assert template.id is not None
            service.delete_template(template.id)
        assert workspace.repos.templates.count() == 0
    with Workspace.open(folder) as workspace:
        assert not workspace.created
        assert workspace.repos.templates.count() == 0
        # A new event starts with an empty checklist: the user chose to have no routine.
        event = make_event(workspace)
        assert event.id is not None
        assert workspace.repos.checklist.for_event(event.id) == []
    with Workspace.open(folder) as workspace:
        assert workspace.repos.templates.count() == 0


def test_an_edited_routine_survives_reopening(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with Workspace.open(folder) as workspace:
        first = workspace.repos.templates.all()[0]
        workspace.repos.templates.update(replace(first, text="My own first step"))
    with Workspace.open(folder) as workspace:
        templates = workspace.repos.templates.all()
        assert len(templates) == 17
        assert templates[0].text == "My own first step"


# --- generating an event's checklist ---------------------------------------------------------


def test_a_new_event_gets_the_enabled_routine(workspace: Workspace) -> None:
    templates = workspace.repos.templates.all()
    disabled = {templates[1].key, templates[5].key}
    for template in templates:
        if template.key in disabled:
            workspace.repos.templates.update(replace(template, enabled=False))

    event = make_event(workspace)
    assert event.id is not None
    items = workspace.repos.checklist.for_event(event.id)

    expected = [t for t in templates if t.key not in disabled]
    assert len(items) == 15
    assert [(i.template_key, i.text, i.due_offset_days) for i in items] == [
        (t.key, t.text, t.offset_days) for t in expected
    ]
    assert [i.position for i in items] == list(range(15))
    assert all(i.uid and not i.done and i.sequence == 0 for i in items)
    assert len({i.uid for i in items}) == 15


def test_generating_again_adds_nothing(workspace: Workspace) -> None:
    event = make_event(workspace)
    assert event.id is not None
    before = workspace.repos.checklist.for_event(event.id)
    service = ChecklistService(workspace)
    assert service.generate(event.id) == []
    assert service.generate(event.id) == []
    assert workspace.repos.checklist.for_event(event.id) == before


def test_deleting_every_item_is_final(workspace: Workspace) -> None:
    event = make_event(workspace)
    assert event.id is not None
    service = ChecklistService(workspace)
    for item_id in service.order(event.id):
        service.delete_item(item_id)
    assert service.generate(event.id) == []
    assert workspace.repos.checklist.for_event(event.id) == []


def test_generate_for_a_missing_event_does_nothing(workspace: Workspace) -> None:
    assert ChecklistService(workspace).generate(EventId(404)) == []


def test_routine_changes_apply_to_new_events_only(workspace: Workspace) -> None:
    first = make_event(workspace, "First")
    ChecklistService(workspace).add_template(
        workspace.repos.templates.all()[0].phase, "Book the train", -20
    )
    second = make_event(workspace, "Second")
    assert first.id is not None and second.id is not None
    assert len(workspace.repos.checklist.for_event(first.id)) == 17
    later = workspace.repos.checklist.for_event(second.id)
    assert len(later) == 18
    assert later[-1].text == "Book the train"
    assert later[-1].template_key is not None and later[-1].template_key.startswith("user-")


def test_an_event_restored_after_delete_has_its_items_back(workspace: Workspace) -> None:
    event = make_event(workspace)
    assert event.id is not None
    service = ChecklistService(workspace)
    events = EventService(workspace)
    first = service.order(event.id)[0]
    service.set_done(first, True)
    extra = service.add_item(event.id, "Print badges", -2)
    before = workspace.repos.checklist.for_event(event.id)

    snapshot = events.delete(event.id)
    assert workspace.repos.checklist.for_event(event.id) == []
    with pytest.raises(NotFoundError):
        workspace.repos.checklist.get(first)

    restored = events.restore(snapshot)
    after = workspace.repos.checklist.for_event(event.id)
    assert restored == event
    assert after == before
    assert [i.uid for i in after] == [i.uid for i in before]
    assert extra in after
    # Still marked as generated: restoring must not add a second copy of the routine.
    assert service.generate(event.id) == []
    assert len(workspace.repos.checklist.for_event(event.id)) == 18


# --- editing items ---------------------------------------------------------------------------


@pytest.fixture
def event(workspace: Workspace) -> Event:
    return make_event(workspace)


@pytest.fixture
def service(workspace: Workspace) -> ChecklistService:
    return ChecklistService(workspace)


def test_add_item_goes_to_the_end_with_its_own_uid(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    assert event.id is not None
    added = service.add_item(event.id, "  Book a table for dinner  ", -4)
    assert added.id is not None
    assert added.text == "Book a table for dinner"
    assert (added.due_offset_days, added.position, added.sequence) == (-4, 17, 0)
    assert added.template_key is None
    assert added.uid and added.uid.endswith("@networking-planner.local")
    stored = workspace.repos.checklist.get(added.id)
    assert stored == added
    other = service.add_item(event.id, "Another", 0)
    assert other.position == 18
    assert other.uid != added.uid


@pytest.mark.parametrize(
    ("text", "offset", "fragment"),
    [
        ("", 0, "needs some text"),
        ("   \n ", 0, "needs some text"),
        ("x" * (MAX_ITEM_TEXT + 1), 0, str(MAX_ITEM_TEXT)),
        ("Fine", 367, "within a year"),
        ("Fine", -367, "within a year"),
    ],
)
def test_add_item_refuses_bad_input(
    workspace: Workspace,
    event: Event,
    service: ChecklistService,
    text: str,
    offset: int,
    fragment: str,
) -> None:
    assert event.id is not None
    before = workspace.repos.checklist.for_event(event.id)
    with pytest.raises(ValidationError) as caught:
        service.add_item(event.id, text, offset)
    assert any(fragment in problem for problem in caught.value.problems)
    assert workspace.repos.checklist.for_event(event.id) == before


def test_add_item_reports_every_problem(event: Event, service: ChecklistService) -> None:
    assert event.id is not None
    with pytest.raises(ValidationError) as caught:
        service.add_item(event.id, "", 1000)
    assert len(caught.value.problems) == 2


@pytest.mark.parametrize("offset", [-366, 366])
def test_a_year_either_side_is_allowed(
    event: Event, service: ChecklistService, offset: int
) -> None:
    assert event.id is not None
    assert service.add_item(event.id, "Far out", offset).due_offset_days == offset


def test_edit_item_raises_the_sequence(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    assert event.id is not None
    item = service.add_item(event.id, "Draft", -3)
    edited = service.edit_item(item, " Final ", -2)
    assert (edited.text, edited.due_offset_days, edited.sequence) == ("Final", -2, 1)
    assert (edited.id, edited.uid, edited.position) == (item.id, item.uid, item.position)
    again = service.edit_item(edited, "Final!", -2)
    assert again.sequence == 2
    assert item.id is not None
    assert workspace.repos.checklist.get(item.id) == again


def test_edit_item_refuses_bad_input_and_keeps_the_item(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    assert event.id is not None
    item = service.add_item(event.id, "Draft", -3)
    with pytest.raises(ValidationError):
        service.edit_item(item, " ", -3)
    with pytest.raises(ValidationError):
        service.edit_item(item, "Ok", 400)
    assert item.id is not None
    assert workspace.repos.checklist.get(item.id) == item


def test_set_done_and_undone(workspace: Workspace, event: Event, service: ChecklistService) -> None:
    assert event.id is not None
    item_id = service.order(event.id)[0]
    done = service.set_done(item_id, True)
    assert done.done and done.sequence == 1
    assert workspace.repos.checklist.get(item_id).done
    undone = service.set_done(item_id, False)
    assert not undone.done and undone.sequence == 2
    assert workspace.repos.checklist.get(item_id) == undone


def test_delete_and_restore_item(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    assert event.id is not None
    order = service.order(event.id)
    victim = workspace.repos.checklist.get(order[3])
    assert victim.id is not None
    removed = service.delete_item(victim.id)
    assert removed == victim
    assert victim.id not in service.order(event.id)
    with pytest.raises(NotFoundError):
        service.set_done(order[3], True)
    restored = service.restore_item(removed)
    assert restored == victim
    assert service.order(event.id) == order
    assert workspace.repos.checklist.get(order[3]).uid == victim.uid


def test_set_order(workspace: Workspace, event: Event, service: ChecklistService) -> None:
    assert event.id is not None
    order = service.order(event.id)
    new_order = list(reversed(order))
    service.set_order(new_order)
    assert service.order(event.id) == new_order
    items = workspace.repos.checklist.for_event(event.id)
    assert [i.position for i in items] == list(range(len(items)))
    stored_entries = [e for e in service.entries(event) if not e.is_dynamic]
    assert [e.item_id for e in stored_entries] == new_order


def test_put_back_restores_an_exact_earlier_state(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    assert event.id is not None
    item = service.add_item(event.id, "Draft", -3)
    service.edit_item(item, "Changed", 4)
    service.put_back(item)
    assert item.id is not None
    assert workspace.repos.checklist.get(item.id) == item


# --- entries with self-ticking items --------------------------------------------------------


def dynamic_entries(service: ChecklistService, event: Event) -> dict[str, tuple[str, bool]]:
    return {
        e.dynamic.key: (e.text, e.done) for e in service.entries(event) if e.dynamic is not None
    }


def test_a_goal_item_ticks_itself_when_someone_is_linked(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    investors = new_goal(workspace, event, "Meet 3 fintech investors")
    key = f"goal-shortlist-{investors.id}"
    text, done = dynamic_entries(service, event)[key]
    assert "Meet 3 fintech investors" in text
    assert not done
    before = service.progress(event)
    assert before == Progress(done=0, total=18)

    attend(workspace, event, "Sofía García", {investors.id})
    assert dynamic_entries(service, event)[key][1] is True
    assert service.progress(event) == Progress(done=1, total=18)


def test_an_attendance_for_another_goal_does_not_tick_it(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    first = new_goal(workspace, event, "First")
    second = new_goal(workspace, event, "Second")
    attend(workspace, event, "Ana", {second.id})
    ticks = dynamic_entries(service, event)
    assert ticks[f"goal-shortlist-{first.id}"][1] is False
    assert ticks[f"goal-shortlist-{second.id}"][1] is True


def test_the_research_item_ticks_itself_once_every_must_meet_person_is_researched(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    from planner.domain.enums import ResearchStatus
    from planner.services.research import set_research_status

    first = attend(workspace, event, "田中 美咲", tier=PriorityTier.MUST_MEET)
    second = attend(workspace, event, "Noa", tier=PriorityTier.MUST_MEET, research_notes="x")
    attend(workspace, event, "Should Person", tier=PriorityTier.SHOULD_MEET)
    attend(workspace, event, "Nobody Pinned")
    ticks = dynamic_entries(service, event)
    assert ticks == {RESEARCH_KEY: ("Research the must-meet people (0 of 2 done)", False)}
    assert first.id is not None and second.id is not None
    set_research_status(workspace, [first.id], ResearchStatus.DONE)
    assert dynamic_entries(service, event)[RESEARCH_KEY] == (
        "Research the must-meet people (1 of 2 done)",
        False,
    )
    set_research_status(workspace, [second.id], ResearchStatus.DONE)
    assert dynamic_entries(service, event)[RESEARCH_KEY][1] is True
    # The counts Home shows agree with the list.
    assert event.id is not None
    counts = workspace.repos.checklist.plan_counts([event.id])[event.id]
    assert counts.research_item.done == counts.research_item.total == 1


def test_dynamic_entries_sit_on_the_timeline(
    workspace: Workspace, event: Event, service: ChecklistService
) -> None:
    new_goal(workspace, event)
    attend(workspace, event, "Must", tier=PriorityTier.MUST_MEET)
    entries = service.entries(event)
    offsets = [e.due_offset_days for e in entries]
    assert offsets == sorted(offsets)  # the shipped routine is in day order
    assert [e.due for e in entries] == [
        date(2026, 6, 10) + timedelta(days=e.due_offset_days) for e in entries
    ]
    assert sum(e.is_dynamic for e in entries) == 2


def test_entries_only_show_this_events_plan(
    workspace: Workspace, service: ChecklistService
) -> None:
    first = make_event(workspace, "First")
    second = make_event(workspace, "Second", start=datetime(2026, 7, 1, 9, tzinfo=LISBON))
    new_goal(workspace, first)
    attend(workspace, first, "Must", tier=PriorityTier.MUST_MEET)
    assert sum(e.is_dynamic for e in service.entries(first)) == 2
    assert not any(e.is_dynamic for e in service.entries(second))
    assert len(service.entries(second)) == 17


# --- calendar UIDs for self-ticking items ----------------------------------------------------


def test_dynamic_uid_is_stable_and_per_key(service: ChecklistService) -> None:
    first = service.dynamic_uid("goal-shortlist-1")
    assert first == service.dynamic_uid("goal-shortlist-1")
    assert first.endswith("@networking-planner.local")
    assert service.dynamic_uid("goal-shortlist-2") != first
    assert service.dynamic_uid("research-1") != first


def test_dynamic_uid_differs_between_databases() -> None:
    with Workspace.in_memory() as one, Workspace.in_memory() as two:
        assert ChecklistService(one).dynamic_uid("goal-shortlist-1") != ChecklistService(
            two
        ).dynamic_uid("goal-shortlist-1")


def test_dynamic_uid_survives_reopening(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "data") as workspace:
        uid = ChecklistService(workspace).dynamic_uid("research-7")
    with Workspace.open(tmp_path / "data") as workspace:
        assert ChecklistService(workspace).dynamic_uid("research-7") == uid


# --- calendar export -------------------------------------------------------------------------


@pytest.mark.parametrize(("style", "kind"), [("todo", "VTODO"), ("event", "VEVENT")])
def test_export_writes_only_open_items(
    workspace: Workspace,
    event: Event,
    service: ChecklistService,
    tmp_path: Path,
    style: str,
    kind: str,
) -> None:
    assert event.id is not None
    ticked = service.order(event.id)[:3]
    for item_id in ticked:
        service.set_done(item_id, True)
    goal = new_goal(workspace, event)
    attend(workspace, event, "Ana Real", tier=PriorityTier.MUST_MEET)
    done_goal = new_goal(workspace, event, "Second goal")
    attend(workspace, event, "Linked", {done_goal.id})  # ticks the second goal's item

    path = tmp_path / f"prep.{style}.ics"
    written = service.export_ics(event, path, style, now=NOW)

    open_entries = [e for e in service.entries(event) if not e.done]
    assert written == len(open_entries) == 17 - 3 + 2
    kinds, items = read_calendar(path)
    assert kinds.count(kind) == written
    assert set(kinds) <= {kind}
    expected_uids = [e.item.uid for e in open_entries if e.item] + [
        service.dynamic_uid(f"goal-shortlist-{goal.id}"),
        service.dynamic_uid(RESEARCH_KEY),
    ]
    assert sorted(uid for uid, _, _ in items) == sorted(expected_uids)
    by_uid = {uid: (due, summary) for uid, due, summary in items}
    for entry in open_entries:
        if entry.item is not None:
            uid = entry.item.uid
        else:
            assert entry.dynamic is not None
            uid = service.dynamic_uid(entry.dynamic.key)
        assert by_uid[uid] == (entry.due, entry.text)
    done_uids = {workspace.repos.checklist.get(i).uid for i in ticked}
    assert done_uids.isdisjoint(by_uid)
    assert service.dynamic_uid(f"goal-shortlist-{done_goal.id}") not in by_uid


def test_export_of_a_finished_checklist_is_an_empty_calendar(
    event: Event, service: ChecklistService, tmp_path: Path
) -> None:
    assert event.id is not None
    for item_id in service.order(event.id):
        service.set_done(item_id, True)
    path = tmp_path / "empty.ics"
    assert service.export_ics(event, path, "todo", now=NOW) == 0
    kinds, items = read_calendar(path)
    assert (kinds, items) == ([], [])


def test_export_replaces_an_existing_file_whole(
    event: Event, service: ChecklistService, tmp_path: Path
) -> None:
    fresh = tmp_path / "fresh.ics"
    service.export_ics(event, fresh, "event", now=NOW)
    expected = fresh.read_bytes()

    target = tmp_path / "calendar.ics"
    target.write_bytes(b"OLD CONTENT\r\n" * 10_000)  # much longer than the export
    assert service.export_ics(event, target, "event", now=NOW) == 17
    assert target.read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calendar.ics", "fresh.ics"]


def test_export_is_repeatable_byte_for_byte(
    event: Event, service: ChecklistService, tmp_path: Path
) -> None:
    path = tmp_path / "a.ics"
    service.export_ics(event, path, "todo", now=NOW)
    first = path.read_bytes()
    service.export_ics(event, path, "todo", now=NOW)
    assert path.read_bytes() == first


def test_an_edit_raises_the_exported_sequence(
    event: Event, service: ChecklistService, tmp_path: Path
) -> None:
    assert event.id is not None
    item = service.add_item(event.id, "Draft", -3)
    service.edit_item(item, "Final", -3)
    path = tmp_path / "a.ics"
    service.export_ics(event, path, "todo", now=NOW)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (todo,) = [c for c in calendar.subcomponents if str(c["UID"]) == item.uid]
    assert int(todo["SEQUENCE"]) == 1
    assert str(todo["SUMMARY"]) == "Final"


def test_export_to_a_missing_folder_fails_and_writes_nothing(
    event: Event, service: ChecklistService, tmp_path: Path
) -> None:
    with pytest.raises(OSError):
        service.export_ics(event, tmp_path / "missing" / "a.ics", "todo", now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_an_unknown_style(
    event: Event, service: ChecklistService, tmp_path: Path
) -> None:
    with pytest.raises(ValueError):
        service.export_ics(event, tmp_path / "a.ics", "pdf", now=NOW)
    assert not (tmp_path / "a.ics").exists()


# --- goals -----------------------------------------------------------------------------------


@pytest.fixture
def goals(workspace: Workspace) -> GoalService:
    return GoalService(workspace)


def test_goal_create_appends_and_tidies(
    workspace: Workspace, event: Event, goals: GoalService
) -> None:
    assert event.id is not None
    first = goals.create(
        Goal(event_id=event.id, text="  Meet   3  investors ", network_type=NetworkType.STRATEGIC)
    )
    second = goals.create(Goal(event_id=event.id, text="Second", network_type=NetworkType.PERSONAL))
    assert first.text == "Meet 3 investors"
    assert (first.position, second.position) == (0, 1)
    assert goals.for_event(event.id) == [first, second]
    assert goals.order(event.id) == [first.id, second.id]


def test_goal_create_refuses_bad_goals(event: Event, goals: GoalService) -> None:
    assert event.id is not None
    with pytest.raises(ValidationError):
        goals.create(Goal(event_id=event.id, text=" ", network_type=NetworkType.PERSONAL))
    with pytest.raises(ValidationError):
        goals.create(
            Goal(event_id=event.id, text="x", network_type=NetworkType.PERSONAL, target_count=-1)
        )
    assert goals.for_event(event.id) == []


def test_goal_update(event: Event, goals: GoalService) -> None:
    assert event.id is not None
    goal = goals.create(Goal(event_id=event.id, text="Old", network_type=NetworkType.PERSONAL))
    changed = goals.update(replace(goal, text=" New  text ", target_count=5, keywords=("a", "b")))
    assert changed.text == "New text"
    assert goals.for_event(event.id) == [changed]
    with pytest.raises(ValidationError):
        goals.update(replace(goal, text=""))
    assert goals.for_event(event.id) == [changed]
    with pytest.raises(NotFoundError):
        goals.update(replace(goal, id=GoalId(999)))


def test_goal_delete_and_restore_bring_the_links_back(
    workspace: Workspace, event: Event, goals: GoalService
) -> None:
    goal = new_goal(workspace, event)
    other = new_goal(workspace, event, "Other")
    assert goal.id is not None and event.id is not None
    linked = attend(workspace, event, "Ana", {goal.id, other.id}, status=AttendanceStatus.MET)
    also = attend(workspace, event, "Ben", {goal.id})
    attend(workspace, event, "Cy")

    snapshot = goals.delete(goal.id)
    assert goals.for_event(event.id) == [other]
    links = {a.id: a.goal_ids for a in workspace.repos.attendances.for_event(event.id)}
    assert links[linked.id] == {other.id}
    assert links[also.id] == frozenset()

    restored = goals.restore(snapshot)
    assert restored == goal
    assert goals.for_event(event.id) == [goal, other]
    links = {a.id: a.goal_ids for a in workspace.repos.attendances.for_event(event.id)}
    assert links[linked.id] == {goal.id, other.id}
    assert links[also.id] == {goal.id}
    (progress, _) = goals.progress(event.id)
    assert (progress.met, progress.shortlisted) == (1, 2)


def test_goal_restore_skips_attendances_deleted_meanwhile(
    workspace: Workspace, event: Event, goals: GoalService
) -> None:
    goal = new_goal(workspace, event)
    assert goal.id is not None and event.id is not None
    gone = attend(workspace, event, "Gone", {goal.id})
    kept = attend(workspace, event, "Kept", {goal.id})
    snapshot = goals.delete(goal.id)
    workspace.db.connection.execute("DELETE FROM attendance WHERE id = ?", (gone.id,))
    goals.restore(snapshot)
    (attendance,) = workspace.repos.attendances.for_event(event.id)
    assert attendance.id == kept.id
    assert attendance.goal_ids == {goal.id}


def test_goal_set_order_and_moved(workspace: Workspace, event: Event, goals: GoalService) -> None:
    assert event.id is not None
    a, b, c = (new_goal(workspace, event, text) for text in ("A", "B", "C"))
    ids = goals.order(event.id)
    assert ids == [a.id, b.id, c.id]
    assert c.id is not None and a.id is not None
    goals.set_order(moved(ids, c.id, -1))
    assert [g.text for g in goals.for_event(event.id)] == ["A", "C", "B"]
    goals.set_order(moved(goals.order(event.id), a.id, 5))
    assert [g.text for g in goals.for_event(event.id)] == ["C", "B", "A"]


@pytest.mark.parametrize(
    ("goal_id", "step", "expected"),
    [
        (3, -1, [1, 3, 2]),
        (1, 1, [2, 1, 3]),
        (1, -1, [1, 2, 3]),  # already first
        (3, 1, [1, 2, 3]),  # already last
        (2, -10, [2, 1, 3]),
        (2, 10, [1, 3, 2]),
        (2, 0, [1, 2, 3]),
    ],
)
def test_moved(goal_id: int, step: int, expected: list[int]) -> None:
    ids = [GoalId(1), GoalId(2), GoalId(3)]
    assert moved(ids, GoalId(goal_id), step) == expected
    assert ids == [1, 2, 3]  # the input is left alone


def test_balance_counts_distinct_people_met_per_type(
    workspace: Workspace, goals: GoalService
) -> None:
    first = make_event(workspace, "First")
    second = make_event(workspace, "Second", start=datetime(2026, 7, 1, 9, tzinfo=LISBON))
    strategic_1 = new_goal(workspace, first, "S1")
    strategic_2 = new_goal(workspace, second, "S2")
    operational = new_goal(workspace, first, "O1", network_type=NetworkType.OPERATIONAL)
    new_goal(workspace, second, "P1", network_type=NetworkType.PERSONAL)
    met, skipped, to_meet = (
        AttendanceStatus.MET,
        AttendanceStatus.SKIPPED,
        AttendanceStatus.TO_MEET,
    )
    people = {name: person_in(workspace, name) for name in ("Ana", "Ben", "Cy")}

    def link(event: Event, name: str, status: AttendanceStatus, *linked: Goal) -> None:
        assert event.id is not None
        workspace.repos.attendances.add(
            Attendance(
                event.id,
                people[name],
                status=status,
                goal_ids=frozenset(g.id for g in linked if g.id is not None),
            )
        )

    # Ana is met for two strategic goals at two events, and an operational one: counted once
    # per type.
    link(first, "Ana", met, strategic_1, operational)
    link(second, "Ana", met, strategic_2)
    link(second, "Ben", met, strategic_2)
    # Linked but skipped, or not yet met: not counted.
    link(first, "Cy", skipped, operational)
    link(second, "Cy", to_meet, strategic_2)

    balance = goals.balance()
    assert dict(balance.goals) == {
        NetworkType.STRATEGIC: 2,
        NetworkType.OPERATIONAL: 1,
        NetworkType.PERSONAL: 1,
    }
    assert dict(balance.met) == {NetworkType.STRATEGIC: 2, NetworkType.OPERATIONAL: 1}
    assert balance.total_goals == 4
    assert balance.hint() is None


def test_balance_of_an_empty_database(goals: GoalService) -> None:
    balance = goals.balance()
    assert (dict(balance.goals), dict(balance.met), balance.hint()) == ({}, {}, None)


# --- dashboard -------------------------------------------------------------------------------


def test_dashboard(workspace: Workspace) -> None:
    today = date(2026, 6, 1)
    past = make_event(workspace, "Past", start=datetime(2026, 5, 20, 9, tzinfo=LISBON), hours=8)
    # Ends exactly now: over.
    just_over = make_event(
        workspace, "Just over", start=NOW - timedelta(hours=3), hours=3, zone="UTC"
    )
    ongoing = make_event(workspace, "Ongoing", start=NOW - timedelta(hours=1), hours=5, zone="UTC")
    soon = make_event(
        workspace,
        "Soon NY",
        start=datetime(2026, 6, 5, 9, tzinfo=NEW_YORK),
        zone="America/New_York",
    )
    later = make_event(workspace, "Later Lisbon")  # 2026-06-10 09:00 Lisbon
    assert soon.id is not None and later.id is not None and past.id is not None
    checklist = ChecklistService(workspace)
    # Tick one of the late items of the later event: it is no longer overdue.
    ticked = checklist.order(later.id)[0]
    checklist.set_done(ticked, True)
    investors = new_goal(workspace, later, "Investors", target_count=2)
    attend(workspace, later, "Ana", {investors.id}, status=AttendanceStatus.MET)

    board = build_dashboard(workspace, NOW, today)

    assert [u.event.name for u in board.upcoming] == ["Ongoing", "Soon NY", "Later Lisbon"]
    assert past.id not in {u.event.id for u in board.upcoming}
    assert just_over.id not in {u.event.id for u in board.upcoming}
    by_name = {u.event.name: u for u in board.upcoming}
    # 17 stored items plus the goal's self-ticking one (ticked by Ana's link) + the tick.
    assert by_name["Later Lisbon"].prep == Progress(done=2, total=18)
    assert by_name["Soon NY"].prep == Progress(done=0, total=17)
    (progress,) = by_name["Later Lisbon"].goals
    assert (progress.goal.id, progress.met, progress.target) == (investors.id, 1, 2)

    dues = [entry.due for _, entry in board.overdue]
    assert dues == sorted(dues)
    assert all(due < today for due in dues)
    assert all(not entry.done for _, entry in board.overdue)
    # Past ended 12 days ago: its write-up and follow-ups (after its first day) are late.
    assert {event.name for event, _ in board.overdue} == {
        "Past",
        "Ongoing",
        "Soon NY",
        "Later Lisbon",
    }
    assert {e.due_offset_days for ev, e in board.overdue if ev.id == past.id} == {1, 2}
    # Ongoing (today): everything before T; Soon (NY, 5 June): T-14..T-5 are before 1 June;
    # Later (10 June): T-14..T-10.
    late = {
        event.id: [e.due_offset_days for ev, e in board.overdue if ev.id == event.id]
        for event in (ongoing, soon, later)
    }
    assert just_over.id not in {ev.id for ev, _ in board.overdue}  # its T+1 is tomorrow
    assert late[ongoing.id] == [-14, -14, -12, -10, -7, -5, -3, -3, -2, -1, -1, -1]
    assert late[soon.id] == [-14, -14, -12, -10, -7, -5]
    assert late[later.id] == [-14, -12, -10]  # one -14 is done
    assert board.overdue[0][0].id == ongoing.id
    assert board.overdue[0][1].due == date(2026, 5, 18)
    # Same day (29 May): the event that starts first comes first.
    same_day = [ev.name for ev, e in board.overdue if e.due == date(2026, 5, 29)]
    assert same_day == ["Ongoing", "Ongoing", "Soon NY", "Later Lisbon"]
    assert ticked not in {entry.item_id for _, entry in board.overdue}
    assert board.balance.goals == {NetworkType.STRATEGIC: 1}


def test_dashboard_uses_the_users_today(workspace: Workspace) -> None:
    event = make_event(workspace, "Lisbon", start=datetime(2026, 3, 29, 9, tzinfo=LISBON))
    assert event.id is not None
    checklist = ChecklistService(workspace)
    for entry in checklist.entries(event):
        if entry.item_id is not None and entry.due_offset_days != -1:
            checklist.set_done(entry.item_id, True)
    now = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)  # 28th in New York, 29th in Lisbon
    in_new_york = build_dashboard(workspace, now, now.astimezone(NEW_YORK).date())
    in_lisbon = build_dashboard(workspace, now, now.astimezone(LISBON).date())
    assert in_new_york.overdue == []
    assert len(in_lisbon.overdue) == 3  # T-1: clothes, sleep, pack
    assert {e.due for _, e in in_lisbon.overdue} == {date(2026, 3, 28)}


def test_an_empty_dashboard(workspace: Workspace) -> None:
    board = build_dashboard(workspace, NOW, NOW.date())
    assert (board.upcoming, board.overdue, board.balance.hint()) == ([], [], None)


# --- databases written before checklists went to calendars -----------------------------------


@pytest.fixture
def v1_workspace(tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(SCHEMAS / "v1.sqlite3", folder / DATABASE_NAME)
    with Workspace.open(folder) as workspace:
        yield workspace


def test_v1_items_get_unique_uids(v1_workspace: Workspace) -> None:
    rows = v1_workspace.db.connection.execute(
        "SELECT id, uid, sequence, template_key FROM checklist_item ORDER BY id"
    ).fetchall()
    assert len(rows) == 3
    uids = [row[1] for row in rows]
    assert all(isinstance(uid, str) and uid.strip() for uid in uids)
    assert len(set(uids)) == 3
    assert all(uid.endswith("@networking-planner.local") for uid in uids)
    assert [(row[2], row[3]) for row in rows] == [(0, None)] * 3


def test_v1_events_with_items_are_not_regenerated(v1_workspace: Workspace) -> None:
    repos = v1_workspace.repos
    events = {event.name: event for event in repos.events.all()}
    lisbon = events["Conferência de Inovação"]
    tokyo = events["東京フィンテック週間"]
    empty = events["Sample Meetup"]
    assert lisbon.id is not None and tokyo.id is not None and empty.id is not None
    flags = dict(
        v1_workspace.db.connection.execute("SELECT id, checklist_generated FROM event").fetchall()
    )
    assert flags == {lisbon.id: 1, tokyo.id: 1, empty.id: 0}

    service = ChecklistService(v1_workspace)
    before = (repos.checklist.for_event(lisbon.id), repos.checklist.for_event(tokyo.id))
    assert service.generate(lisbon.id) == []
    assert service.generate(tokyo.id) == []
    after = (repos.checklist.for_event(lisbon.id), repos.checklist.for_event(tokyo.id))
    assert after == before
    assert [i.text for i in before[0]] == ["Write down the goals", "Send follow-ups"]
    assert [i.text for i in before[1]] == ["名刺を準備する"]

    generated = service.generate(empty.id)
    assert len(generated) == 17
    assert [i.template_key for i in generated] == [t["key"] for t in shipped_templates()]
    assert service.generate(empty.id) == []
    assert len(repos.checklist.for_event(empty.id)) == 17
    uids = [row[0] for row in v1_workspace.db.connection.execute("SELECT uid FROM checklist_item")]
    assert len(uids) == len(set(uids)) == 20


def test_v1_checklist_entries_and_export(v1_workspace: Workspace, tmp_path: Path) -> None:
    lisbon = next(e for e in v1_workspace.repos.events.all() if e.timezone == "Europe/Lisbon")
    service = ChecklistService(v1_workspace)
    entries = service.entries(lisbon)
    stored = [e for e in entries if not e.is_dynamic]
    # Starts 2026-03-28 22:00 in Lisbon: every date counts from the 28th.
    assert [(e.text, e.due, e.done) for e in stored] == [
        ("Write down the goals", date(2026, 3, 14), True),
        ("Send follow-ups", date(2026, 3, 29), False),
    ]
    path = tmp_path / "v1.ics"
    written = service.export_ics(lisbon, path, "todo", now=NOW)
    assert written == sum(1 for e in entries if not e.done)
    kinds, items = read_calendar(path)
    assert len(kinds) == written
    assert stored[1].item is not None
    assert (stored[1].item.uid, date(2026, 3, 29), "Send follow-ups") in items


def test_templates_are_installed_in_an_upgraded_database(v1_workspace: Workspace) -> None:
    assert v1_workspace.repos.templates.count() == 17
    assert install_default_templates(v1_workspace.db) is False


def test_a_new_item_after_upgrade_takes_the_next_position(v1_workspace: Workspace) -> None:
    lisbon = next(e for e in v1_workspace.repos.events.all() if e.timezone == "Europe/Lisbon")
    assert lisbon.id is not None
    service = ChecklistService(v1_workspace)
    added = service.add_item(lisbon.id, "Nova tarefa", -2)
    assert added.position == 2
    assert service.order(lisbon.id)[-1] == added.id
    texts = [e.text for e in service.entries(lisbon) if not e.is_dynamic]
    assert texts == ["Write down the goals", "Send follow-ups", "Nova tarefa"]
