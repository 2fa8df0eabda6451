"""The Members pane's four lists. Each shows the records it is given and declares its own verbs.

The verbs run on the screen (`screen.<action>`), which calls the store; because each list
carries its own BINDINGS, the footer shows the verbs of the list that has focus.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.content import Content

from store.models import ROLE_LABELS, Committee, Interest, Member, OfficerContact
from tui.widgets.record_list import RecordList

# The Voting column already says a standing invitee does not vote.
SHORT_ROLE_LABELS = {**ROLE_LABELS, "standing-invitee": "Standing invitee"}


def day(value: date | None) -> Text:
    return Text(f"{value.day} {value:%b %Y}") if value else Text("—", style="dim")


def named(name: str, initials: str | None) -> str:
    return f"{name} ({initials})" if initials and initials != name else name


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class CommitteeList(RecordList):
    COLUMNS = (("Committee", None),)  # its council is in the settings beside it
    BINDINGS = [
        Binding("n", "screen.committee_new", "New committee", tooltip="Create a committee of a council"),
        Binding("r", "screen.committee_rename", "Rename", tooltip="Rename the highlighted committee"),
        Binding("s", "screen.committee_settings", "Settings",
                tooltip="Quorum, deadlines, defaults, minute numbering, standard agenda items"),
    ]

    def show_committees(self, committees: list[Committee], current: int | None) -> None:
        rows = [(c.id, [Text(c.name, style="bold" if c.id == current else "")]) for c in committees]
        self.show(rows, select=current, empty="none yet: n creates one",
                  count=plural(len(committees), "committee"))


class MemberList(RecordList):
    COLUMNS = (("Name", 44), ("Role", None), ("Voting", None), ("From", None), ("To", None))
    BINDINGS = [
        Binding("a", "screen.member_add", "Add member", tooltip="Add a councillor or invitee to the committee"),
        Binding("e", "screen.member_edit", "Edit member", tooltip="Change name, title, role or term"),
        Binding("d", "screen.member_remove", "Remove member",
                tooltip="Delete the membership (to keep the record of a past member, set an end date instead)"),
    ]

    def show_members(self, members: list[Member], today: date, has_committee: bool) -> None:
        rows = []
        for member in members:
            past = member.end_date is not None and member.end_date < today
            style = "dim" if past else ""
            rows.append((member.id, [
                Text(member.display_name, style=style),
                Text(SHORT_ROLE_LABELS[member.role], style=style),
                Text("yes" if member.voting else "no", style=style),
                day(member.start_date),
                day(member.end_date),
            ]))
        serving = sum(1 for m in members if m.serves_on(today))
        voting = sum(1 for m in members if m.serves_on(today) and m.voting)
        self.show(rows, empty="none yet: a adds one" if has_committee else "choose or create a committee",
                  count=f"{serving} serving today, {voting} voting")


class ContactList(RecordList):
    # Initials follow the name, "Kate Galoppi (KG)", which leaves room for the rest at 120 columns.
    COLUMNS = (("Name", 30), ("Job title", 40), ("Contact for", 40), ("Phone", 20), ("Email", 40))
    BINDINGS = [
        Binding("a", "screen.contact_add", "Add officer",
                tooltip="Name a new or existing council officer as a contact of this committee"),
        Binding("e", "screen.contact_edit", "Edit officer", tooltip="Change the officer's details and contact role"),
        Binding("d", "screen.contact_remove", "Remove contact",
                tooltip="Take the officer off this committee's contacts (the officer's record stays)"),
    ]

    def show_contacts(self, contacts: list[OfficerContact], has_committee: bool) -> None:
        rows = [(c.id, [named(c.officer.name, c.officer.initials), c.officer.job_title or "", c.role,
                        c.officer.phone or "", c.officer.email or ""]) for c in contacts]
        self.show(rows, empty="none yet: a adds one" if has_committee else "",
                  count=plural(len(contacts), "contact"))


class InterestList(RecordList):
    COLUMNS = (("Category", 34), ("Nature of the interest", None), ("Registered", None))
    BINDINGS = [
        Binding("a", "screen.interest_add", "Add interest", tooltip="Register a standing interest of this member"),
        Binding("e", "screen.interest_edit", "Edit interest", tooltip="Change category, nature or date"),
        Binding("d", "screen.interest_remove", "Remove interest", tooltip="Delete the register entry"),
    ]

    def show_interests(self, member: Member | None, interests: list[Interest]) -> None:
        if member is None:
            self.border_title = "Register of interests"
            self.show([], empty="choose a member above")
            return
        self.border_title = Content(f"Register of interests: {member.display_name}")  # a name is not markup
        rows = [(i.id, [i.category, i.nature, day(i.registered_on)]) for i in interests]
        self.show(rows, empty="none registered: a adds one", count=plural(len(interests), "interest"))


LISTS = (
    ("Committees", CommitteeList),
    ("Members", MemberList),
    ("Officer contacts", ContactList),
    ("Register of interests", InterestList),
)
