"""Text on screen: tooltips show any text as written, and long unbroken text can wrap."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from planner.gui.common.formatting import breakable, excerpt, plain_tip

TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)
MARKUP = st.lists(
    st.sampled_from(["<b>", "</b>", "<img src=x>", "&lt;", "&amp;", "<", ">", "&", "<br>", "a"]),
    max_size=12,
).map("".join)


def rendered(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def words(text: str) -> list[str]:
    """The text without its whitespace, which a paragraph may lay out its own way (a line
    break first or last in it goes, a no-break space reads as a space)."""
    return text.split()


@settings(max_examples=300, deadline=None)
@given(st.one_of(TEXT, MARKUP))
def test_a_tooltip_shows_any_text_as_written(qapp: QApplication, text: str) -> None:
    assert words(rendered(plain_tip(text))) == words(text)  # nothing read as markup


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_breaking_long_runs_only_adds_zero_width_spaces(text: str) -> None:
    broken = breakable(text)
    assert broken.replace("\u200b", "") == text.replace("\u200b", "")
    assert all(len(run) < 40 for run in broken.replace("\u200b", " ").split())


@given(TEXT, st.integers(1, 100), st.integers(1, 4))
def test_an_excerpt_is_the_start_of_the_text(text: str, limit: int, lines: int) -> None:
    short = excerpt(text, limit, lines)
    if short == text:
        assert len(text) <= limit and text.count("\n") < lines
    else:
        assert short.endswith("…") and text.startswith(short[:-1])
