"""Starting `clerk` quickly: the garbage collector's passes put off while the app loads.

Loading the modules and building the first pane make tens of thousands of objects that live
as long as the app, and Python's collector would scan them again and again while they are
made (a tenth of a second of every start on a 2-core laptop). `begin()` (called by `clerk`
before it loads the app) makes collections rare; `settled()` (called by the app once its
first pane is drawn) freezes what exists then, so later collections, such as those while
switching panes, never scan it again, and puts the usual thresholds back. A pane shown for
the first time makes thousands more such objects (its module, its widgets, their styles), and
the collector's full passes over them cost 40-70 ms: a dropped frame at a random key.
`pane_made()` freezes them too. The objects made after that (caches of drawn lines, records
shown) still gather in the oldest generation, and a full pass over them every so often cost
30-70 ms in the middle of a key; so once settled the collector makes no full passes by
itself, and the app calls `quiet_moment()` when no key has been pressed for a while (or the
pass is `overdue()`), which makes the full pass then, unseen. An app that tests start without `begin()` leaves the
collector alone.
"""

from __future__ import annotations

import gc

STARTUP_THRESHOLDS = (50_000, 50, 100)
NO_FULL_PASSES = 1_000_000  # the oldest generation's threshold while running: quiet_moment() does them
# A clerk who never pauses for two seconds still gets a full pass after this many younger ones
# (opening a meeting's minutes makes one or two; typing 285 characters of notes made one), so
# what only a full pass frees cannot pile up.
OVERDUE_AFTER = 100
_usual: tuple[int, int, int] | None = None
_began = False


def begin() -> None:
    global _usual, _began
    _began = True
    if _usual is None:
        _usual = gc.get_threshold()
        gc.set_threshold(*STARTUP_THRESHOLDS)


def settled() -> None:
    global _usual
    if _usual is not None:
        gc.freeze()
        young, middle, _ = _usual
        gc.set_threshold(young, middle, NO_FULL_PASSES)
        _usual = None


def began() -> bool:
    return _began


def overdue() -> bool:
    return _began and gc.get_count()[2] >= OVERDUE_AFTER


def quiet_moment() -> None:
    """Nobody is typing: the full collection that would otherwise fall on a key happens now."""
    if _began and gc.get_count()[2]:
        gc.collect()


def pane_made() -> None:
    if _began:
        gc.freeze()
