"""A mapping applied to rows: a recognised layout's fallbacks while its columns keep their
fields, plain mappings, several columns for one field, stored mappings, the name rule, and
values stripped of spaces and invisible marks."""

from __future__ import annotations

from planner.domain.importing import Candidate, Field, Mapping
from planner.interchange.layouts import guess_mapping
from planner.interchange.row_mapping import apply_mapping
from tests.attendee_tables import table_of

EVENTBRITE = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Ticket Type",
              "Cell Phone", "Work Phone", "Home Phone"]  # fmt: skip


def test_the_layouts_fallbacks_apply_while_its_column_keeps_its_field() -> None:
    table = table_of(
        EVENTBRITE,
        ["1", "d", "Ana", "Silva", "ana@x.org", "VIP", "", "", "+351 210 000 000"],
        ["2", "d", "Bo", "Chen", "bo@x.org", "VIP", "", "+1 415 555 0100", "+1 415 555 0199"],
    )
    _, mapping = guess_mapping(table)
    phones = [c.values.get(Field.PHONE) for c in apply_mapping(table, mapping)]
    assert phones == ["+351 210 000 000", "+1 415 555 0100"]
    # The user picks Home Phone for the phone: that column alone counts.
    mapping = {column: field for column, field in mapping.items() if field is not Field.PHONE}
    mapping[8] = Field.PHONE
    phones = [c.values.get(Field.PHONE) for c in apply_mapping(table, mapping)]
    assert phones == ["+351 210 000 000", "+1 415 555 0199"]


def test_a_fallback_column_the_user_mapped_elsewhere_is_not_read_as_a_fallback() -> None:
    table = table_of(EVENTBRITE, ["1", "d", "Ana", "Silva", "a@x.org", "VIP", "", "+1 555", ""])
    _, mapping = guess_mapping(table)
    mapping[7] = Field.NOTES  # Work Phone, taken for notes
    [candidate] = apply_mapping(table, mapping)
    assert Field.PHONE not in candidate.values
    assert candidate.values[Field.NOTES] == "+1 555"


def test_a_plain_mapping_reads_only_its_columns() -> None:
    table = table_of(["Name", "Email", "Other"], [" Ana Silva ", "", "x"], ["", "", ""])
    mapping = {0: Field.FULL_NAME, 1: Field.EMAIL}
    assert list(apply_mapping(table, mapping)) == [
        Candidate(2, {Field.FULL_NAME: "Ana Silva"}),
        Candidate(3, {}),  # every row is yielded, for the report to count and skip
    ]


def test_several_columns_for_one_field_take_the_first_filled_in_mapping_order() -> None:
    table = table_of(["Work", "Mobile"], ["+1 111", "+1 222"], ["", "+1 222"])
    mapping: Mapping = {1: Field.PHONE, 0: Field.PHONE}
    assert [c.values[Field.PHONE] for c in apply_mapping(table, mapping)] == ["+1 222", "+1 222"]
    mapping = {0: Field.PHONE, 1: Field.PHONE}
    assert [c.values[Field.PHONE] for c in apply_mapping(table, mapping)] == ["+1 111", "+1 222"]


def test_a_stored_mapping_with_plain_strings_and_stale_columns_is_read() -> None:
    table = table_of(["Name", "Email"], ["Ana", "ana@x.org"])
    mapping = {0: "full_name", 1: "email", 7: "phone"}
    [candidate] = apply_mapping(table, mapping)  # type: ignore[arg-type]
    assert candidate.values == {Field.FULL_NAME: "Ana", Field.EMAIL: "ana@x.org"}


def test_the_name_rule_keeps_the_full_name_when_a_part_is_missing() -> None:
    headers = ["api_id", "name", "first_name", "last_name", "email", "approval_status"]
    table = table_of(
        headers,
        ["g1", "Ana Silva", "Ana", "Silva", "a@x.org", "approved"],
        ["g2", "Bo Chen", "Bo", "", "b@x.org", "approved"],
    )
    _, mapping = guess_mapping(table)
    first, second = apply_mapping(table, mapping)
    assert Field.FULL_NAME not in first.values
    assert second.values[Field.FULL_NAME] == "Bo Chen"
    assert second.values[Field.GIVEN_NAME] == "Bo"


def test_values_lose_surrounding_spaces_and_invisible_marks() -> None:
    table = table_of(["Name", "Email"], ["\ufeff Ana\u00a0", "\u200ba@x.org "])
    [candidate] = apply_mapping(table, {0: Field.FULL_NAME, 1: Field.EMAIL})
    assert candidate.values == {Field.FULL_NAME: "Ana", Field.EMAIL: "a@x.org"}
