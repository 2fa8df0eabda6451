"""The Members pane's forms: the fields each shows and the store calls its save makes.

Each builder returns a `FormSpec`; its `submit` raises ClerkError on bad input (the form
stays open with the message and nothing is written) and returns the id of the record
saved, so the pane can put the cursor on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from store import Store
from store.deadlines import HOLIDAY_REGION_LABELS
from store.errors import Conflict
from store.models import QUORUM_RULES, ROLE_LABELS, ROLES, Committee, Interest, Member, OfficerContact
from store.values import required_text, time_text
from tui.dialogs.form import Field

DATE_HINT = "2021-03-09 or 9 March 2021; blank if not known"
NEW_OFFICER = 0


@dataclass
class FormSpec:
    title: str
    fields: list[Field]
    submit: Callable[[dict], int | None]
    saved: str = "Saved."


def lines(text: str) -> list[str]:
    """A textarea's non-blank lines, trimmed."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def text_of(value) -> str:
    return "" if value is None else str(value)


# committees -------------------------------------------------------------------
def new_committee(store: Store, council: str) -> FormSpec:
    fields = [
        Field("name", "Name of the committee", placeholder="e.g. Adult Social Care Scrutiny Commission"),
        Field("council", "Council", council, placeholder="e.g. Leicester City Council"),
    ]

    def submit(values: dict) -> int:
        return store.committees.add(values["name"], council=values["council"]).id

    return FormSpec("New committee", fields, submit, "Committee created: it is now the current committee.")


def rename_committee(store: Store, committee: Committee) -> FormSpec:
    fields = [Field("name", "New name", committee.name)]
    return FormSpec(f"Rename the {committee.name}", fields,
                    lambda values: store.committees.rename(committee.id, values["name"]).id, "Committee renamed.")


def committee_settings(store: Store, committee: Committee) -> FormSpec:
    c = committee
    items = store.standard_items.list_for(c.id)
    titles = {placement: "\n".join(i.title for i in items if i.placement == placement)
              for placement in ("opening", "closing")}
    fields = [
        Field("quorum_rule", "Quorum", c.quorum_rule, "select", [(label, key) for key, label in QUORUM_RULES.items()]),
        Field("quorum_number", "Fixed quorum (voting members)", text_of(c.quorum_number),
              help="Only for a fixed quorum."),
        Field("year_start_month", "Municipal year starts: month (1-12)", text_of(c.year_start_month)),
        Field("year_start_day", "Municipal year starts: day (1-28)", text_of(c.year_start_day)),
        Field("clear_days", "Clear days between publication and meeting", text_of(c.clear_days),
              help="Five in England, three in Wales (Local Government Act 1972 s100B)."),
        Field("holiday_region", "Bank holidays left out of clear days", c.holiday_region, "select",
              [(label, key) for key, label in HOLIDAY_REGION_LABELS.items()]),
        Field("skip_weekends", "Leave weekends out of clear days", c.skip_weekends, "checkbox"),
        Field("agenda_setting_days", "Agenda-setting meeting: days before the meeting",
              text_of(c.agenda_setting_days), help="Blank if the committee holds none."),
        Field("resolution_word", "Word that introduces resolutions", c.resolution_word, placeholder="AGREED"),
        Field("declaration_categories", "Declaration categories (one a line)",
              "\n".join(c.declaration_categories), "textarea"),
        Field("default_time", "Usual start time", time_text(c.default_time) or "", placeholder="17:30"),
        Field("default_place", "Usual place", c.default_place or ""),
        Field("livestream_url", "Livestream link", c.livestream_url or ""),
        Field("public_information", "Information for the public (front sheet)", c.public_information or "",
              "textarea"),
        Field("starting_minute_number", "Starting minute number", text_of(c.starting_minute_number),
              help="To continue numbering kept elsewhere; blank to start at 1."),
        Field("starting_minute_year", "…in the municipal year starting (e.g. 2020 for 2020/21)",
              text_of(c.starting_minute_year)),
        Field("opening_items", "Standard items that open every agenda (one a line)", titles["opening"], "textarea"),
        Field("closing_items", "Standard items that close every agenda (one a line)", titles["closing"], "textarea"),
    ]

    def submit(values: dict) -> int:
        opening, closing = lines(values.pop("opening_items")), lines(values.pop("closing_items"))
        for title in opening + closing:  # checked before anything is written
            required_text(title, "standard item title")
        values["declaration_categories"] = lines(values["declaration_categories"])
        store.committees.update_settings(c.id, **values)
        store.standard_items.replace_titles(c.id, opening, closing)
        return c.id

    return FormSpec(f"Settings of the {c.name}", fields, submit, "Settings saved.")


# members ----------------------------------------------------------------------
def member_form(store: Store, committee: Committee, member: Member | None = None) -> FormSpec:
    person = member.person if member else None
    fields = [
        Field("name", "Name (as the minutes write it)", person.name if person else "", placeholder="e.g. Joshi"),
        Field("title", "Title", person.title if person else "Councillor",
              help="Blank for an invitee who is not a councillor."),
        Field("role", "Role", member.role if member else "member", "select",
              [(ROLE_LABELS[role], role) for role in ROLES]),
        Field("start_date", "Member from", _iso(member.start_date) if member else "", placeholder=DATE_HINT),
        Field("end_date", "Member until", _iso(member.end_date) if member else "", placeholder=DATE_HINT),
    ]
    if member is None:
        return FormSpec(f"Add a member to the {committee.name}", fields,
                        lambda values: store.members.add(committee.id, **values).id, "Member added.")
    return FormSpec(f"Edit {member.display_name}", fields,
                    lambda values: store.members.update(member.id, **values).id, "Member saved.")


# officer contacts -------------------------------------------------------------
def contact_form(store: Store, committee: Committee, contact: OfficerContact | None = None) -> FormSpec:
    officer = contact.officer if contact else None
    fields = []
    choosable = []
    if contact is None:
        taken = {c.officer.id for c in store.officers.contacts_for(committee.id)}
        choosable = [o for o in store.officers.list(committee.body_id) if o.id not in taken]
    if choosable:
        options = [("A new officer: fill in the details below", NEW_OFFICER)]
        options += [(o.name + (f" ({o.initials})" if o.initials else "") + (f", {o.job_title}" if o.job_title else ""),
                     o.id) for o in choosable]
        fields.append(Field("officer_id", "Officer", NEW_OFFICER, "select", options,
                            help="For an officer already known, details typed below replace the stored ones."))
    known = (lambda name: getattr(officer, name) or "") if officer else (lambda name: "")
    fields += [
        Field("name", "Name", known("name"), placeholder="e.g. Angie Smith"),
        Field("initials", "Initials (as work programmes write them)", known("initials")),
        Field("job_title", "Job title", known("job_title")),
        Field("phone", "Phone", known("phone")),
        Field("email", "Email", known("email")),
        Field("role", "Contact for this committee as", contact.role if contact else "",
              placeholder="e.g. Democratic Support Officer", help="Blank: the job title."),
    ]
    if contact is None:
        return FormSpec(f"Add an officer contact to the {committee.name}", fields,
                        lambda values: _add_contact(store, committee, values), "Officer contact added.")

    def submit(values: dict) -> int:
        role = required_text(values.pop("role") or values["job_title"], "contact's role", 120)
        store.officers.update(contact.officer.id, **values)
        store.officers.update_contact(contact.id, role)
        return contact.id

    return FormSpec(f"Edit {contact.officer.name}", fields, submit, "Officer saved.")


def _add_contact(store: Store, committee: Committee, values: dict) -> int:
    """Checks everything before writing, so a refused form leaves no half-made officer."""
    officer_id = values.pop("officer_id", NEW_OFFICER)
    role = required_text(values.pop("role") or values["job_title"], "contact's role", 120)
    if officer_id == NEW_OFFICER:
        officer = store.officers.add(committee.body_id, **values)
    else:
        officer = store.officers.get(officer_id)
        if any(c.officer.id == officer.id for c in store.officers.contacts_for(committee.id)):
            raise Conflict(f"{officer.name} is already a contact for this committee.")
        typed = {key: value for key, value in values.items() if value.strip()}
        officer = store.officers.update(officer_id, **typed)
    return store.officers.add_contact(committee.id, officer.id, role).id


# the register of interests ----------------------------------------------------
def interest_form(store: Store, committee: Committee, member: Member, today: date,
                  interest: Interest | None = None) -> FormSpec:
    categories = list(committee.declaration_categories)
    category = interest.category if interest else categories[0]
    if category not in categories:  # registered under a category the committee no longer lists
        categories.append(category)
    fields = [
        Field("category", "Category", category, "select", [(c, c) for c in categories]),
        Field("nature", "Nature of the interest", interest.nature if interest else "", "textarea",
              help="As the minutes will word it: e.g. his wife worked for the Reablement Team."),
        Field("registered_on", "Registered on", _iso(interest.registered_on) if interest else today.isoformat(),
              placeholder=DATE_HINT),
    ]
    check = committee.declaration_categories
    if interest is None:
        return FormSpec(f"Register an interest of {member.display_name}", fields,
                        lambda values: store.interests.add(member.person.id, categories=check, **values).id,
                        "Interest registered.")
    return FormSpec(f"Edit an interest of {member.display_name}", fields,
                    lambda values: store.interests.update(interest.id, categories=categories, **values).id,
                    "Interest saved.")


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""
