"""services.importing.writes and change_set: batches written, and the images undo needs."""

from __future__ import annotations

from planner.domain.ids import EventId
from planner.services.importing.change_set import import_changes
from planner.services.importing.matching import Known
from planner.services.importing.writes import PendingWrites
from planner.services.workspace import Workspace
from planner.storage import imports as store
from planner.storage.imports import P_COMPANY, P_UPDATED_AT
from planner.storage.people import PERSON_COLUMNS

P_TITLE = PERSON_COLUMNS.index("title")


def test_a_person_changed_in_two_batches_keeps_the_image_from_before_the_first() -> None:
    with Workspace.in_memory() as workspace, workspace.db.transaction() as conn:
        stored = (1, "Ana Lima", None, None, None, None, None, None, None, "", 0, "t0", "t0", "t0")
        store.insert_people(conn, [stored])
        (read,) = store.people_for_matching(conn)
        # As PeopleIndex.load keeps a person: notes '' (empty), the time stamps unknown.
        known = Known(
            [*read[:9], "", None, None, None, None], False, False, "ana lima", None, None, ""
        )
        writes = PendingWrites(conn)
        for index, value, stamp in ((P_COMPANY, "Acme", "t1"), (P_TITLE, "CTO", "t2")):
            known.values[index] = value
            known.values[P_UPDATED_AT] = stamp
            known.dirty = True
            writes.dirty_people.append(known)
            writes.flush()
            assert not known.dirty and writes.dirty_people == []
        assert writes.before_people == {1: stored}
        changes = import_changes(conn, EventId(1), "list.csv", [], [], [], writes)
    person = changes.rows.tables[0]
    assert person.table == "person" and person.columns == PERSON_COLUMNS
    ((before, after),) = person.rows
    assert before == stored
    assert after == (
        1,
        "Ana Lima",
        None,
        None,
        None,
        "Acme",
        "CTO",
        None,
        None,
        "",
        0,
        "t0",
        "t2",
        "t0",
    )
    assert changes.people_updated == (1,) and changes.people_added == ()
