"""The Store facade: one object that the TUI and the CLI both talk to."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from store.agenda import AgendaStore
from store.committees import CommitteeStore
from store.db import connect
from store.meetings import MeetingStore
from store.minute_numbers import MinuteNumberStore
from store.minutes import MinuteStore
from store.ui_state import UiStateStore

if TYPE_CHECKING:
    from store.appendices import AppendixStore
    from store.attendance import AttendanceStore
    from store.declarations import DeclarationStore
    from store.documents import DocumentStore
    from store.interests import InterestStore
    from store.members import MemberStore, PeopleStore
    from store.officers import OfficerStore
    from store.programme import ProgrammeStore
    from store.resolutions import ActionStore, ResolutionStore
    from store.search import SearchStore


class Store:
    """Open with `Store(path)`; each area of the data model is an attribute.

    The areas every pane needs are made at once; the others (and their modules) when first
    used, so the app starts without loading what its first pane does not show.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = connect(self.path)
        self.committees = CommitteeStore(self.db)
        self.standard_items = self.committees.standard_items
        self.meetings = MeetingStore(self.db, self.committees)
        self.minute_numbers = MinuteNumberStore(self.db, self.committees, self.meetings)
        self.agenda = AgendaStore(self.db, self.meetings)
        self.agenda.before_change = self._freeze_appendices
        self.minutes = MinuteStore(self.db, self.meetings, self.agenda, self.minute_numbers)
        self.ui_state = UiStateStore(self.db)

    def _freeze_appendices(self, meeting_id: int) -> None:
        self.appendices.freeze(meeting_id)

    @cached_property
    def members(self) -> MemberStore:
        from store.members import MemberStore

        return MemberStore(self.db)

    @cached_property
    def people(self) -> PeopleStore:
        return self.members.people

    @cached_property
    def officers(self) -> OfficerStore:
        from store.officers import OfficerStore

        return OfficerStore(self.db)

    @cached_property
    def interests(self) -> InterestStore:
        from store.interests import InterestStore

        return InterestStore(self.db)

    @cached_property
    def documents(self) -> DocumentStore:
        from store.documents import DocumentStore

        documents = DocumentStore(self.db, self.agenda)
        documents.before_change = self._freeze_appendices
        return documents

    @cached_property
    def appendices(self) -> AppendixStore:
        from store.appendices import AppendixStore

        return AppendixStore(self)

    @cached_property
    def resolutions(self) -> ResolutionStore:
        from store.resolutions import ResolutionStore

        return ResolutionStore(self.db, self.minutes)

    @cached_property
    def actions(self) -> ActionStore:
        from store.resolutions import ActionStore

        return ActionStore(self.db)

    @cached_property
    def programme(self) -> ProgrammeStore:
        from store.programme import ProgrammeStore

        return ProgrammeStore(self.db, self.meetings, self.officers, self.agenda)

    @cached_property
    def attendance(self) -> AttendanceStore:
        from store.attendance import AttendanceStore

        return AttendanceStore(self.db, self.meetings, self.members)

    @cached_property
    def declarations(self) -> DeclarationStore:
        from store.declarations import DeclarationStore

        return DeclarationStore(self.db, self.attendance, self.interests, self.minutes)

    @cached_property
    def search(self) -> SearchStore:
        from store.search import SearchStore

        return SearchStore(self.db, self.committees, self.minutes, self.meetings)

    def change_stamp(self) -> tuple[int, int]:
        """Moves whenever the committee's records change: (commits by other connections, rows this
        connection wrote). Where the clerk is looking (ui_state) is left out, so a pane can tell
        whether what it shows is still current without reading it again."""
        others = self.db.conn.execute("PRAGMA data_version").fetchone()[0]
        return others, self.db.conn.total_changes - self.ui_state.rows_written

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
