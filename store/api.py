"""The Store facade: one object that the TUI and the CLI both talk to."""

from __future__ import annotations

from pathlib import Path

from store.agenda import AgendaStore
from store.appendices import AppendixStore
from store.attendance import AttendanceStore
from store.committees import CommitteeStore
from store.db import connect
from store.declarations import DeclarationStore
from store.documents import DocumentStore
from store.interests import InterestStore
from store.meetings import MeetingStore
from store.members import MemberStore
from store.minute_numbers import MinuteNumberStore
from store.minutes import MinuteStore
from store.officers import OfficerStore
from store.programme import ProgrammeStore
from store.resolutions import ActionStore, ResolutionStore
from store.search import SearchStore
from store.ui_state import UiStateStore


class Store:
    """Open with `Store(path)`; each area of the data model is an attribute."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = connect(self.path)
        self.committees = CommitteeStore(self.db)
        self.standard_items = self.committees.standard_items
        self.members = MemberStore(self.db)
        self.people = self.members.people
        self.officers = OfficerStore(self.db)
        self.interests = InterestStore(self.db)
        self.meetings = MeetingStore(self.db, self.committees)
        self.minute_numbers = MinuteNumberStore(self.db, self.committees, self.meetings)
        self.agenda = AgendaStore(self.db, self.meetings)
        self.documents = DocumentStore(self.db, self.agenda)
        self.appendices = AppendixStore(self)
        self.agenda.before_change = self.documents.before_change = self.appendices.freeze
        self.minutes = MinuteStore(self.db, self.meetings, self.agenda, self.minute_numbers)
        self.resolutions = ResolutionStore(self.db, self.minutes)
        self.actions = ActionStore(self.db)
        self.programme = ProgrammeStore(self.db, self.meetings, self.officers, self.agenda)
        self.attendance = AttendanceStore(self.db, self.meetings, self.members)
        self.declarations = DeclarationStore(self.db, self.attendance, self.interests, self.minutes)
        self.ui_state = UiStateStore(self.db)
        self.search = SearchStore(self.db, self.committees, self.minutes, self.meetings)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
