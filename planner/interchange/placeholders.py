"""Words that stand for a missing value, and when a column uses them that way.

A database dump or a spreadsheet filled by a script writes "NULL", "None" or "N/A" where there
is nothing. Yet the same words are real: Christopher Null, a given name "None" (Italian), a
company called None. So a word counts as missing only where a column uses it as its
convention, never for one person's cell:

- `WORDS` ("null", "none", "n/a", "n.a.", in any letter case) is read as missing in a column
  when at least `MIN_CELLS` (3) of its cells hold exactly that word and they are at least
  `MIN_SHARE` (1 %) of the table's rows: 3 of a list of 40, 10 of 1,000, 1,500 of 150,000.
  A few people named Null at a large conference are far below that; a dump that writes NULL
  for every unknown company is far above it.
- This is decided for the columns of names, company, job title and notes, where a word can be
  a value. An email address, a phone number and a LinkedIn profile cannot be "None": there
  the words always count as missing (planner.interchange.normalize), and so do marks that
  are no word at all ("-", "—", ".", Excel's "#N/A") in any column.

A table of more than 4,000 rows is first looked at in a random sample of 2,000 (a column
whose sample has none of the words is not read through); the counts are always exact. The
import's report names each column where the word was read as missing, and how often.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter, itemgetter
from typing import TypeVar

from planner.domain.importing import SourceRow

__all__ = ["MIN_CELLS", "MIN_SHARE", "WORDS", "column_conventions", "is_word"]

WORDS = frozenset({"null", "none", "n/a", "n.a."})
MIN_CELLS = 3
MIN_SHARE = 0.01


def _spellings(word: str) -> list[str]:
    """Every way of writing `word` in upper and lower case letters."""
    choices = [(char.lower(), char.upper()) if char.isalpha() else (char,) for char in word]
    return ["".join(letters) for letters in itertools.product(*choices)]


_SPELLINGS = tuple(spelling for word in sorted(WORDS) for spelling in _spellings(word))
_CELLS = attrgetter("cells")
T = TypeVar("T")


def is_word(text: str) -> bool:
    """Whether `text` (trimmed) is one of `WORDS`."""
    return len(text) <= 4 and text.casefold() in WORDS


SAMPLE_FROM = 4000
"""Tables with more rows than this are first looked at in a sample of SAMPLE_ROWS rows."""
SAMPLE_ROWS = 2000


def _sample(cells: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Every row of a small table; SAMPLE_ROWS rows of a large one, spread at random (the same
    ones every time for the same number of rows)."""
    if len(cells) <= SAMPLE_FROM:
        return cells
    picked = random.Random(len(cells)).sample(range(len(cells)), SAMPLE_ROWS)
    return [cells[index] for index in sorted(picked)]


def _column(cells: list[tuple[str, ...]], column: int, into: Callable[[Iterable[str]], T]) -> T:
    """The cells of one column, gathered `into` a set or a Counter."""
    try:
        return into(map(itemgetter(column), cells))
    except IndexError:  # a row shorter than the header (a table not made by read_table)
        return into(row[column] if column < len(row) else "" for row in cells)


def column_conventions(
    rows: Sequence[SourceRow], columns: Iterable[int]
) -> dict[int, dict[str, int]]:
    """For each of `columns` that uses some of `WORDS` as its way of writing nothing, those
    words (case-folded) with how many cells hold them. Fast on a large table: the cells are
    counted in C, a column at a time, and only a column that holds such a word at all (in a
    sample of a large table)."""
    needed = max(MIN_CELLS, MIN_SHARE * len(rows))
    cells = list(map(_CELLS, rows))
    # A large table is first looked at in a sample: a word in 1 % of the rows is missing from
    # a random sample of 2,000 of them less than once in a hundred million tables. Only a
    # column whose sample holds such a word is counted through (30 ms for 150,000 rows).
    sample = _sample(cells)
    found: dict[int, dict[str, int]] = {}
    for column in sorted(set(columns)):
        values = _column(sample, column, set)
        if not any(spelling in values for spelling in _SPELLINGS):
            continue
        counts = _column(cells, column, Counter)
        words: Counter[str] = Counter()
        for spelling in _SPELLINGS:  # all of them: the sample may have missed a rarer one
            words[spelling.casefold()] += counts[spelling]
        used = {word: count for word, count in sorted(words.items()) if count >= needed}
        if used:
            found[column] = used
    return found
