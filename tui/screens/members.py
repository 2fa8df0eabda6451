"""Members pane: committees and their settings, members and roles, officer contacts, the register of interests.

Four lists, tab and shift+tab between them. Each list declares its own verbs (see
tui/widgets/member_lists.py), so the footer shows what a, e and d do in the list that has
focus; the verbs run here, the forms' fields and store calls are in members_forms.py.
"""

from __future__ import annotations

from functools import partial
from typing import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable

from store.attendance_stats import attendance_for_year
from store.errors import NotFound
from store.models import ROLE_LABELS, Committee, Interest, Member, OfficerContact
from tui.dialogs.attendance_stats import AttendanceStatsDialog
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.form import FormDialog
from tui.screens import members_forms as forms
from tui.screens.base import PaneScreen
from tui.widgets.committee_summary import CommitteeSummary
from tui.widgets.member_lists import LISTS, CommitteeList, ContactList, InterestList, MemberList
from tui.widgets.record_list import RecordList

# What each verb needs before it can run (the footer greys it out otherwise).
NEEDS = {
    "committee_rename": "committee", "committee_settings": "committee", "member_add": "committee",
    "contact_add": "committee", "member_edit": "member", "member_remove": "member", "interest_add": "member",
    "contact_edit": "contact", "contact_remove": "contact", "interest_edit": "interest",
    "interest_remove": "interest",
}


class MembersScreen(PaneScreen):
    PANE_TITLE = "Members"
    CSS_PATH = "members.tcss"
    BINDINGS = [
        Binding("tab", "app.focus_next", "Next list",
                tooltip="Committees → members → officer contacts → interests"),
        Binding("shift+tab", "app.focus_previous", "Previous list", show=False),
        Binding("t", "attendance_stats", "Attendance",
                tooltip="Members' attendance in a municipal year: expected, attended, apologies, absent"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="committee-row"):
            yield CommitteeList(title="Committees", id="committee-list")
            summary = CommitteeSummary(id="committee-summary")
            summary.border_title = "Settings (s)"
            yield summary
        yield MemberList(title="Members", id="member-list")
        yield ContactList(title="Officer contacts", id="contact-list")
        yield InterestList(title="Register of interests", id="interest-list")

    # loading ------------------------------------------------------------------
    def refresh_pane(self) -> None:
        store, committee = self.app.store, self.app.current_committee()
        self.query_one(CommitteeList).show_committees(store.committees.list(), self.app.committee_id)
        items = store.standard_items.list_for(committee.id) if committee else []
        council = store.committees.body(committee.body_id) if committee else None
        self.query_one(CommitteeSummary).show(committee, council, items)
        members = self.query_one(MemberList)
        contacts = self.query_one(ContactList)
        if committee is None:
            members.border_title, contacts.border_title = "Members", "Officer contacts"
        else:  # a committee's name is the clerk's text, not markup
            members.border_title = Content(f"Members of the {committee.name}")
            contacts.border_title = Content(f"Officer contacts of the {committee.name}")
        members.show_members(store.members.list_for(committee.id) if committee else [], self.app.today(),
                             committee is not None)
        contacts.show_contacts(store.officers.contacts_for(committee.id) if committee else [], committee is not None)
        self._show_interests()

    def _show_interests(self) -> None:
        member = self._member()
        interests = self.app.store.interests.list_for(member.person.id) if member else []
        self.query_one(InterestList).show_interests(member, interests)
        self.refresh_bindings()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Read the list as it is now, not the event: refilling a list sends highlights of rows since replaced.
        # Only the clerk moving the cursor changes the committee, never a refill (resize, return to the pane).
        table = event.data_table
        if isinstance(table, CommitteeList):
            if not (table.has_focus and self.is_current):
                return
            chosen = table.selected_id()
            if chosen is not None and chosen != self.app.committee_id:
                self.app.set_context(chosen)
        elif isinstance(table, MemberList):
            self._show_interests()
        self.refresh_bindings()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter edits the record under the cursor; on a committee it moves on to its members."""
        actions = {MemberList: "member_edit", ContactList: "contact_edit", InterestList: "interest_edit"}
        action = actions.get(type(event.data_table))
        if action:
            if self.check_action(action, ()):
                getattr(self, f"action_{action}")()
        else:
            self.query_one(MemberList).focus()

    # what is selected -----------------------------------------------------------
    def _committee(self) -> Committee | None:
        return self.app.current_committee()

    def _member(self) -> Member | None:
        return self._record(MemberList, self.app.store.members.get)

    def _contact(self) -> OfficerContact | None:
        committee = self._committee()
        contacts = {c.id: c for c in self.app.store.officers.contacts_for(committee.id)} if committee else {}
        return self._record(ContactList, contacts.__getitem__)

    def _interest(self) -> Interest | None:
        return self._record(InterestList, self.app.store.interests.get)

    def _record(self, kind: type[RecordList], get):
        record_id = self.query_one(kind).selected_id()
        if record_id is None:
            return None
        try:
            return get(record_id)
        except (NotFound, KeyError):
            return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        need = NEEDS.get(action)
        if need is None:
            return True
        if need == "committee":
            ready = self.app.committee_id is not None
        else:
            kind = {"member": MemberList, "contact": ContactList, "interest": InterestList}[need]
            ready = self.query_one(kind).row_count > 0
        return True if ready else None

    # forms ------------------------------------------------------------------------
    def _open(self, spec: forms.FormSpec, target: type[RecordList], after=None) -> None:
        saved: list[int | None] = []

        def submit(values: dict) -> None:
            saved.append(spec.submit(values))

        def done(ok: bool | None) -> None:
            if not ok:
                return
            if after:
                after(saved[-1])
            self.reload()
            if saved[-1] is not None:
                self.query_one(target).select(saved[-1])
                self._show_interests()
            self.notify(spec.saved, markup=False)

        self.app.push_screen(FormDialog(spec.title, spec.fields, submit), done)

    def _confirm(self, question: str, call, record_id: int, success: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.run_store(call, record_id, success=success)
                self.reload()

        self.app.push_screen(ConfirmDialog(question, "Remove"), answered)

    # committees -------------------------------------------------------------------
    def action_committee_new(self) -> None:
        store, current = self.app.store, self._committee()
        bodies = store.committees.bodies()
        council = store.committees.body(current.body_id).name if current else (bodies[0].name if bodies else "")
        self._open(forms.new_committee(store, council), CommitteeList, after=self.app.set_context)

    def action_committee_rename(self) -> None:
        if committee := self._committee():
            self._open(forms.rename_committee(self.app.store, committee), CommitteeList)

    def action_committee_settings(self) -> None:
        if committee := self._committee():
            self._open(forms.committee_settings(self.app.store, committee), CommitteeList)

    # members ----------------------------------------------------------------------
    def action_member_add(self) -> None:
        if committee := self._committee():
            self._open(forms.member_form(self.app.store, committee), MemberList)

    def action_member_edit(self) -> None:
        committee, member = self._committee(), self._member()
        if committee and member:
            self._open(forms.member_form(self.app.store, committee, member), MemberList)

    def action_member_remove(self) -> None:
        committee, member = self._committee(), self._member()
        if committee and member:
            self._confirm(
                f"Remove {member.display_name} ({ROLE_LABELS[member.role]}) from the members of the "
                f"{committee.name}?\n\nThis deletes the membership. To keep a past member on record, "
                "answer No and give an end date instead (e).",
                self.app.store.members.remove, member.id, f"{member.display_name} removed.",
            )

    # officer contacts ---------------------------------------------------------------
    def action_contact_add(self) -> None:
        if committee := self._committee():
            self._open(forms.contact_form(self.app.store, committee), ContactList)

    def action_contact_edit(self) -> None:
        committee, contact = self._committee(), self._contact()
        if committee and contact:
            self._open(forms.contact_form(self.app.store, committee, contact), ContactList)

    def action_contact_remove(self) -> None:
        committee, contact = self._committee(), self._contact()
        if committee and contact:
            self._confirm(
                f"Take {contact.officer.name} off the officer contacts of the {committee.name}?\n\n"
                "The officer's own record stays, for other committees and the work programme.",
                self.app.store.officers.remove_contact, contact.id, f"{contact.officer.name} is no longer a contact.",
            )

    # the register of interests --------------------------------------------------------
    def action_interest_add(self) -> None:
        committee, member = self._committee(), self._member()
        if committee and member:
            self._open(forms.interest_form(self.app.store, committee, member, self.app.today()), InterestList)

    def action_interest_edit(self) -> None:
        committee, member, interest = self._committee(), self._member(), self._interest()
        if committee and member and interest:
            spec = forms.interest_form(self.app.store, committee, member, self.app.today(), interest)
            self._open(spec, InterestList)

    def action_interest_remove(self) -> None:
        member, interest = self._member(), self._interest()
        if member and interest:
            self._confirm(
                f"Delete this entry from the register of interests of {member.display_name}?\n\n"
                f"{interest.category}: {interest.nature}\n\nDeclarations that quoted it keep their own wording.",
                self.app.store.interests.remove, interest.id, "Interest deleted from the register.",
            )

    # attendance statistics ---------------------------------------------------------------
    def action_attendance_stats(self) -> None:
        committee, year = self._committee(), self.app.current_year()
        if committee is None or year is None:
            self.notify("Choose or create a committee first.", severity="warning")
            return
        self.app.push_screen(AttendanceStatsDialog(year, partial(attendance_for_year, self.app.store, committee.id)))

    # help and the palette ---------------------------------------------------------------
    @classmethod
    def help_sections(cls) -> list[tuple[str, list]]:
        sections = [(f"Members pane: {title} list", kind.__dict__["BINDINGS"]) for title, kind in LISTS]
        enter = Binding("enter", "", "Edit the highlighted record (on a committee: go to its members)")
        return sections + [("Members pane: moving", [*cls.BINDINGS, enter])]

    def pane_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Members: Attendance", "Members' attendance in a municipal year (key t)",
                            self.action_attendance_stats)
        for title, kind in LISTS:
            for binding in kind.__dict__["BINDINGS"]:
                action = binding.action.removeprefix("screen.")
                yield SystemCommand(f"Members: {binding.description} ({title.lower()})",
                                    binding.tooltip or f"Key {binding.key}", partial(self._run_in_list, kind, action))

    def _run_in_list(self, kind: type[RecordList], action: str) -> None:
        self.query_one(kind).focus()
        if self.check_action(action, ()):
            getattr(self, f"action_{action}")()
