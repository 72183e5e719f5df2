"""Finding people through the full-text index: whatever is typed, the query never fails, and
case, accents, tags and notes are found."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.domain.search import index_query, searchable_words
from planner.services.research import tag_people
from planner.services.search import find_people
from planner.services.workspace import Workspace
from tests.builders import person_in


@pytest.fixture(scope="module")
def shared() -> Iterator[Workspace]:
    with Workspace.in_memory() as ws:
        yield ws


@pytest.fixture
def workspace() -> Iterator[Workspace]:
    with Workspace.in_memory() as ws:
        yield ws


def test_case_and_accents_are_ignored_and_each_word_is_a_prefix(workspace: Workspace) -> None:
    sofia = person_in(workspace, "Sofía García", company="Banco Único", title="CTO")
    jurgen = person_in(workspace, "Jürgen Müller", notes="Met at the Köln meetup")
    assert find_people(workspace, "garcia") == {sofia}
    assert find_people(workspace, "GARC") == {sofia}  # as it is typed
    assert find_people(workspace, "sof unico") == {sofia}  # every word, any field
    assert find_people(workspace, "muller koln") == {jurgen}
    assert find_people(workspace, "sofia muller") == set()


def test_tags_and_notes_are_found(workspace: Workspace) -> None:
    ana = person_in(workspace, "Ana", notes="Runs the payments team")
    tag_people(workspace, [ana], ["angel investor"])
    assert find_people(workspace, "payments") == find_people(workspace, "angel") == {ana}


def test_syntax_typed_is_looked_for_as_text(workspace: Workspace) -> None:
    brien = person_in(workspace, "Seán O'Brien", company='Acme "Labs" (EU)')
    for text in ("o'brien", '"labs"', "(eu)", "acme AND", "NEAR brien", "brien*", "title:cto"):
        assert find_people(workspace, text) is not None, text
    assert find_people(workspace, "o'brien") == {brien}
    assert find_people(workspace, '"labs"') == {brien}
    assert find_people(workspace, "acme AND") == set()  # 'AND' is a word to find, not syntax


@pytest.mark.parametrize("text", ["", "   ", "***", '" "', "-- ;"])
def test_nothing_to_look_for_means_no_index_filter(text: str) -> None:
    assert index_query(text) is None


@pytest.mark.parametrize("text", ["李", "佐藤", "김지민", "ana 李"])
def test_chinese_japanese_and_korean_are_left_to_the_substring_filter(text: str) -> None:
    assert index_query(text) is None


@settings(max_examples=300)
@given(st.text(max_size=30))
@example('a"b')
@example("NOT")
@example('"')
@example("x^y")
@example("a:b")
@example("-a")
@example("(a")
def test_any_text_makes_a_query_that_runs(shared: Workspace, text: str) -> None:
    query = index_query(text)
    if query is None:
        return
    conn: sqlite3.Connection = shared.db.connection
    conn.execute("SELECT rowid FROM person_search WHERE person_search MATCH ?", (query,)).fetchall()
    assert searchable_words(text) and query.endswith('"*')


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(categories=("Lu", "Ll")), min_size=2, max_size=12))
def test_a_name_is_found_by_its_own_word(text: str) -> None:
    if index_query(text) is None:
        return
    with Workspace.in_memory() as ws:
        person = person_in(ws, f"{text} Example")
        assert person in (find_people(ws, text) or set())
