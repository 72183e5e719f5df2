"""What the user does to several people of an event's list at once: pin a tier, mark their
research done, tag them, link them to a goal or take the goal the ranking suggests. Each is one
undo step, however many people are chosen, and runs on a worker when it writes many rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from planner.domain.enums import PriorityTier, ResearchStatus
from planner.domain.ids import AttendanceId, GoalId
from planner.gui.common.labels import tier_name
from planner.gui.context import AppContext
from planner.services.workspace import Target
from planner.storage.attendances import AttendeeListing

if TYPE_CHECKING:
    from planner.gui.common.operations import Operation


def tr(text: str) -> str:
    return QCoreApplication.translate("attendee_actions", text)


def _who(rows: Sequence[AttendeeListing]) -> str:
    """'Ana Lima' for one person, '3 people' for more."""
    if len(rows) == 1:
        return rows[0].full_name
    return tr("%n people").replace("%n", f"{len(rows):,}")


def _ids(rows: Sequence[AttendeeListing]) -> list[AttendanceId]:
    return [row.attendance.id for row in rows if row.attendance.id is not None]


def _run(operation: Operation[int], label: str, rows: int) -> None:
    operation.long(label, rows=rows).run()


def pin_tier(
    context: AppContext, parent: QWidget, rows: Sequence[AttendeeListing], tier: PriorityTier | None
) -> None:
    """Pin `tier` on the people chosen (None: let the score suggest it again)."""
    if not rows:
        return
    from planner.gui.common.operations import Operation
    from planner.services.research import set_tier

    ids = _ids(rows)
    text = (
        tr("Let the Score Suggest a Tier for %1")
        if tier is None
        else tr("Pin %1 as “%2”").replace("%2", tier_name(tier))
    ).replace("%1", _who(rows))
    operation = Operation(context, lambda target: set_tier(target, ids, tier), parent)
    _run(operation.undoable(text), tr("Setting the tier…"), len(ids))


def toggle_researched(
    context: AppContext, parent: QWidget, rows: Sequence[AttendeeListing]
) -> None:
    """Research done for the people chosen; when it already is for all of them, not started."""
    if not rows:
        return
    from planner.gui.common.operations import Operation
    from planner.services.research import set_research_status

    done = all(row.attendance.research_status is ResearchStatus.DONE for row in rows)
    status = ResearchStatus.NOT_STARTED if done else ResearchStatus.DONE
    text = (tr("Mark %1 Not Researched") if done else tr("Mark %1 Researched")).replace(
        "%1", _who(rows)
    )
    ids = _ids(rows)
    operation = Operation(context, lambda target: set_research_status(target, ids, status), parent)
    _run(operation.undoable(text), tr("Marking research…"), len(ids))


def tag_people(context: AppContext, parent: QWidget, rows: Sequence[AttendeeListing]) -> None:
    """Ask for tags (comma separated, the ones in use offered) and give them to the people
    chosen."""
    if not rows:
        return
    from planner.gui.common.operations import Operation
    from planner.services.research import all_tags
    from planner.services.research import tag_people as give_tags

    known = [tag for tag, _count in all_tags(context.workspace)]
    typed, accepted = QInputDialog.getItem(
        parent,
        tr("Tag People"),
        tr("Tags for %1 (separate several with commas):").replace("%1", _who(rows)),
        known,
        0,
        True,
    )
    tags = [tag.strip() for tag in typed.split(",") if tag.strip()]
    if not accepted or not tags:
        return
    people = list(dict.fromkeys(row.attendance.person_id for row in rows))
    text = tr("Tag %1 “%2”").replace("%1", _who(rows)).replace("%2", ", ".join(tags))
    operation = Operation(context, lambda target: give_tags(target, people, tags), parent)
    _run(operation.undoable(text), tr("Tagging…"), len(people))


def link_to_goal(
    context: AppContext,
    parent: QWidget,
    rows: Sequence[AttendeeListing],
    goal_id: GoalId,
    goal_text: str,
) -> None:
    """Link the people chosen to one goal: they count towards its target."""
    if not rows:
        return
    from planner.gui.common.operations import Operation
    from planner.services.research import link_to_goal as link

    ids = _ids(rows)
    text = tr("Link %1 to “%2”").replace("%1", _who(rows)).replace("%2", goal_text)
    operation = Operation(context, lambda target: link(target, ids, goal_id), parent)
    _run(operation.undoable(text), tr("Linking to the goal…"), len(ids))


def suggested_goals(rows: Sequence[AttendeeListing]) -> dict[GoalId, list[AttendanceId]]:
    """For each goal, the people chosen whose best goal it is and who are not linked to it."""
    found: dict[GoalId, list[AttendanceId]] = defaultdict(list)
    for row in rows:
        ranked, attendance = row.ranking, row.attendance
        if ranked is None or not ranked.goals or attendance.id is None:
            continue
        best = ranked.goals[0].goal.id
        if best is not None and best not in attendance.goal_ids:
            found[best].append(attendance.id)
    return dict(found)


def accept_suggestions(
    context: AppContext, parent: QWidget, rows: Sequence[AttendeeListing]
) -> bool:
    """Link each person chosen to the goal the ranking says they serve best; False when none
    of them has a suggestion to take."""
    found = suggested_goals(rows)
    if not found:
        return False
    from planner.gui.common.operations import Operation
    from planner.services.research import link_to_goal as link

    def work(target: Target) -> int:
        return sum(link(target, ids, goal) for goal, ids in found.items())

    taken = [row for row in rows if row.attendance.id in {i for ids in found.values() for i in ids}]
    text = tr("Link %1 to the Suggested Goal").replace("%1", _who(taken))
    operation = Operation(context, work, parent)
    _run(operation.undoable(text), tr("Linking to the goals…"), len(taken))
    return True
