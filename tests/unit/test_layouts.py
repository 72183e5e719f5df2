"""Known export layouts: recognised by their headers, the most specific one winning, one column
per field, and the organiser's question columns filling what a layout lacks."""

from __future__ import annotations

from planner.domain.importing import Field
from planner.interchange.layouts import KNOWN_LAYOUTS, guess_mapping, layout_spec, recognise
from planner.interchange.tables import read_table
from tests.attendee_tables import IMPORTS, named, table_of


def test_headers_are_compared_ignoring_case_and_spacing() -> None:
    table = table_of(
        ["  first NAME", "last   name", "URL", "EMAIL ADDRESS", "company", "Position",
         "Connected On"],
        ["Ana", "Silva", "", "", "Acme", "CTO", "01 Jan 2026"],
    )  # fmt: skip
    layout = recognise(table)
    assert layout is not None
    assert layout.key == "linkedin-connections"
    assert layout.name == "LinkedIn connections"


def test_a_generic_table_has_no_layout() -> None:
    assert recognise(table_of(["Name", "Email"], ["Ana", "a@example.com"])) is None


def test_the_most_specific_layout_wins() -> None:
    # Eventbrite's headers include Google's required First Name and Last Name.
    headers = ["Order #", "Order Date", "First Name", "Last Name", "Email", "Ticket Type",
               "Labels"]  # fmt: skip
    layout = recognise(table_of(headers, ["1", "2026-01-01", "Ana", "Silva", "a@x.org", "VIP", ""]))
    assert layout is not None and layout.key == "eventbrite"


def test_meetup_members_and_attendees_are_told_apart() -> None:
    members = ["Name", "User ID", "Title", "Member ID", "Location", "URL of Member Profile"]
    layout = recognise(table_of(members, ["Ana", "user 1", "", "1", "Porto", "https://m/1"]))
    assert layout is not None and layout.key == "meetup-members"
    assert named(table_of(members), layout.mapping) == {"Name": "full_name", "Title": "role"}
    attendees = [*members, "RSVP"]
    layout = recognise(table_of(attendees, ["Ana", "user 1", "", "1", "Porto", "x", "Yes"]))
    assert layout is not None and layout.key == "meetup-attendees"


def test_a_layouts_mapping_is_one_column_per_field_in_column_order() -> None:
    table = read_table(IMPORTS / "outlook_contacts.csv")
    layout, mapping = guess_mapping(table)
    assert layout is not None
    assert list(mapping) == sorted(mapping)
    assert len(set(mapping.values())) == len(mapping)
    assert named(table, mapping) == {
        "First Name": "given_name",
        "Last Name": "family_name",
        "Company": "company",
        "Job Title": "title",
        "Mobile Phone": "phone",
        "E-mail Address": "email",
        "Notes": "notes",
    }
    mapping.clear()  # a copy: the layout keeps its own
    assert layout.mapping


def test_a_vcard_table_maps_each_column_to_its_field() -> None:
    table = read_table(IMPORTS / "vcard4.vcf")
    layout = recognise(table)
    assert layout is not None
    assert layout.key == "vcard"
    assert layout.mapping == {n: Field(header) for n, header in enumerate(table.headers)}


def test_question_columns_fill_fields_the_layout_lacks() -> None:
    table = read_table(IMPORTS / "luma_guests_api_id.csv")
    layout = recognise(table)
    assert layout is not None
    mapping = named(table, layout.mapping)
    assert mapping["What company do you work for?"] == "company"
    assert mapping["What's your LinkedIn?"] == "linkedin_url"


def test_every_known_layout_has_a_name() -> None:
    assert all(KNOWN_LAYOUTS.values())
    assert len(KNOWN_LAYOUTS) == 15


def test_a_layouts_spec_is_found_by_its_key() -> None:
    spec = layout_spec("google-contacts")
    assert spec is not None
    assert (spec.key, spec.name, spec.multi_value) == ("google-contacts", "Google Contacts", True)
    assert "website 1 - value" in spec.websites
    assert layout_spec("vcard") is None  # known by name, read field by field
    assert layout_spec("no-such-layout") is None
