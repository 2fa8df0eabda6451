"""The Members pane as the clerk sees it, compared with the baseline in __snapshots__/."""

from __future__ import annotations

from datetime import date

import pytest

from tui.app import ClerkApp

MEMBERS = (
    ("Joshi", "chair", "Councillor"),
    ("March", "vice-chair", "Councillor"),
    ("Batool", "member", "Councillor"),
    ("Kaur Saini", "member", "Councillor"),
    ("Kitterick", "member", "Councillor"),
    ("Thalukdar", "member", "Councillor"),
    ("Representative of Healthwatch Leicester", "standing-invitee", ""),
)


@pytest.fixture
def members_app(tui_store, committee) -> ClerkApp:
    for name, role, title in MEMBERS:
        tui_store.members.add(committee.id, name, role=role, title=title, start_date=date(2020, 5, 1))
    angie = tui_store.officers.add(
        committee.body_id, "Angie Smith", job_title="Democratic Support Officer",
        phone="(0116) 454 6354", email="angie.smith@leicester.gov.uk",
    )
    tui_store.officers.add_contact(committee.id, angie.id, "Democratic Support Officer")
    joshi = tui_store.people.find("Joshi")
    tui_store.interests.add(
        joshi.id, "Other Disclosable Interest",
        "his wife worked for the Reablement Team at Leicester City Council", registered_on="2021-01-19",
    )
    return ClerkApp(tui_store, today=lambda: date(2021, 3, 2))


def test_members_pane(snap_compare, members_app):
    assert snap_compare(members_app, press=["9"], terminal_size=(120, 40))
