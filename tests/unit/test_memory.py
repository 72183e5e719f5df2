"""The garbage collector around bulk work (collect first, pause, freeze what is kept) and
letting go of large collections a little at a time."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from planner.services.memory import bulk_objects, forget


class Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


def test_overlapping_pauses_keep_the_collector_off_until_the_last_ends() -> None:
    first = bulk_objects()
    second = bulk_objects()
    first.__enter__()
    assert not gc.isenabled()
    second.__enter__()
    first.__exit__(None, None, None)  # the first to begin ends first: still paused
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_bulk_work_leaves_the_collector_off_and_nothing_frozen_if_it_was_off() -> None:
    gc.unfreeze()
    gc.disable()
    with bulk_objects():
        pass
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_pauses_from_several_threads() -> None:
    inside = threading.Barrier(3)
    leave = threading.Event()

    def work() -> None:
        with bulk_objects():
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    inside.wait()
    assert not gc.isenabled()
    leave.set()
    for thread in threads:
        thread.join()
    assert gc.isenabled()


def test_bulk_work_collects_first_then_freezes_what_it_keeps() -> None:
    gc.unfreeze()
    garbage = Node()
    dead = weakref.ref(garbage)
    del garbage  # unreachable, but a cycle: waits for the collector
    assert dead() is not None
    with bulk_objects():
        assert dead() is None  # collected before the load: never frozen
        assert not gc.isenabled()
        kept = [Node() for _ in range(100)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)
    assert not any(node is kept[0] for node in gc.get_objects(generation=0))


def test_forget_empties_lists_and_dicts_in_batches() -> None:
    numbers = list(range(12_345))
    table = {n: str(n) for n in range(7_001)}
    forget((numbers, table), batch=1000)
    assert numbers == [] and table == {}
