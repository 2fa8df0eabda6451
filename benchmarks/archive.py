"""A realistic archive for benchmarks: 30 committees, 20 municipal years, 10 meetings a year
each, 12 minutes a meeting (72,000 minutes), with attendance, declarations, resolutions and
actions, written from the sentences of the fixtures.

    python benchmarks/archive.py PATH [--committees 30 --years 20]

Rows go in with plain SQL in one transaction (the schema's triggers keep the search index in
step, as they do for the app), so building the full archive takes about a minute; it is built
once and reused from the benchmarks' cache folder.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from store import Store  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures"
BUNDLED = ROOT / "store" / "demo_reports"
TITLES = (
    "APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST", "MINUTES OF THE PREVIOUS MEETING", "PETITIONS",
    "QUESTIONS, REPRESENTATIONS AND STATEMENTS OF CASE",
)
CLOSING = ("WORK PROGRAMME", "ANY OTHER URGENT BUSINESS")
TOPICS = (
    "Procurement plan", "Annual complaints report", "Supported living and extra care housing",
    "Mental health strategy", "Market position statement", "Safeguarding adults board annual report",
    "Draft general fund budget", "Covid-19 recovery plans", "Dementia strategy", "Autism strategy",
    "Carers strategy", "Better Care Fund", "Tackling isolation", "Day care review", "Workforce review",
    "Temporary accommodation", "Housing revenue account", "Air quality action plan", "Libraries review",
    "Transport plan", "Leisure centres", "Youth services", "Waste strategy", "Planning enforcement",
)
COMMITTEE_KINDS = ("Scrutiny Commission", "Committee", "Board", "Panel", "Sub-Committee")
AREAS = ("Adult Social Care", "Housing", "Health and Wellbeing", "Economic Development", "Children, Young People "
         "and Education", "Culture and Neighbourhoods", "Licensing", "Planning and Development Control",
         "Audit and Risk", "Overview Select", "Standards", "Employees", "Finance", "Environment", "Transport",
         "Public Health", "Community Safety", "Corporate Parenting", "Heritage", "Sport")
NAMES = ("Joshi", "March", "Batool", "Kaur Saini", "Kitterick", "Thalukdar", "Russell", "Cutkelvin", "Clarke",
         "Dawood", "Cassidy", "Halford", "Fonseca", "Gee", "Kennedy-Lount", "Moore", "Pantling", "Rae Bhatia",
         "Singh Johal", "Waddington", "Whittle", "Westley", "Aldred", "Bajaj", "Chamund", "Dempster")


def sentences() -> list[str]:
    """Real sentences from the fixtures (or the bundled reports when ../shared is absent)."""
    files = sorted(FIXTURES.glob("*.txt")) if FIXTURES.exists() else sorted(BUNDLED.glob("*.txt"))
    text = " ".join(f.read_text(encoding="utf-8") for f in files)
    found = re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text))
    return [s for s in found if 40 <= len(s) <= 400 and not s[:1].isdigit()]


def build(path: Path, committees: int = 30, years: int = 20, meetings_a_year: int = 10,
          minutes_a_meeting: int = 12, seed: int = 2021) -> dict:
    rng = random.Random(seed)
    pool = sentences()
    store = Store(path)
    db = store.db
    counts = dict(minutes=0, resolutions=0, declarations=0, attendance=0, actions=0)
    first_year = 2022 - years
    with db.atomic():
        body = store.committees.ensure_body("Generated Borough Council")
        people = [db.table("people").insert(dict(name=n, title="Councillor")).last_pk for n in NAMES]
        for c in range(committees):
            name = f"{AREAS[c % len(AREAS)]} {COMMITTEE_KINDS[c % len(COMMITTEE_KINDS)]}"
            committee = store.committees.add(name if c < len(AREAS) else f"{name} {c}", body.name)
            members = rng.sample(people, 8)
            for role, person in zip(("chair", "vice-chair", *["member"] * 6), members):
                db.table("memberships").insert(dict(committee_id=committee.id, person_id=person, role=role))
            for year in range(first_year, first_year + years):
                number = 1
                for m in range(meetings_a_year):
                    day = date(year, 5, 20) + timedelta(days=35 * m + c % 7)
                    meeting = db.table("meetings").insert(dict(
                        committee_id=committee.id, date=day.isoformat(), start_time="17:30",
                        place="Meeting Room G.01, City Hall", status="minutes-confirmed", closed_at="19:45",
                    )).last_pk
                    db.table("attendance").insert_all(
                        [dict(meeting_id=meeting, person_id=p, status="present" if rng.random() > .15
                              else "apologies") for p in members])
                    counts["attendance"] += len(members)
                    titles = [*TITLES, *(t.upper() for t in rng.sample(TOPICS, minutes_a_meeting - 7)), *CLOSING]
                    for position, title in enumerate(titles, start=1):
                        item = db.table("agenda_items").insert(dict(
                            meeting_id=meeting, position=position, title=title,
                            kind="business" if 5 < position <= len(titles) - 2 else "standard")).last_pk
                        body_text = "\n\n".join(" ".join(rng.sample(pool, 3)) for _ in range(rng.randint(1, 4)))
                        minute = db.table("minutes").insert(dict(
                            meeting_id=meeting, agenda_item_id=item, committee_id=committee.id,
                            municipal_year=year, position=position, number=number, title=title,
                            body=body_text,
                        )).last_pk
                        number += 1
                        counts["minutes"] += 1
                        if 5 < position <= len(titles) - 2:
                            resolution = db.table("resolutions").insert(dict(
                                minute_id=minute, position=1, text="That " + rng.choice(pool))).last_pk
                            counts["resolutions"] += 1
                            if rng.random() < 0.3:
                                db.table("actions").insert(dict(
                                    committee_id=committee.id, resolution_id=resolution,
                                    description=rng.choice(pool)[:200], owner="Director", status="done"))
                                counts["actions"] += 1
                    # Confirmed once their resolutions are in (confirmed minutes are locked).
                    db.execute("UPDATE minutes SET status = 'confirmed', confirmed_at = ? WHERE meeting_id = ?",
                               [f"{year + 1}-04-01T10:00:00", meeting])
                    if rng.random() < 0.4:
                        db.table("declarations").insert(dict(
                            meeting_id=meeting, person_id=rng.choice(members), category="Other Disclosable Interest",
                            nature="their spouse worked for the " + rng.choice(TOPICS) + " team"))
                        counts["declarations"] += 1
    store.close()
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--committees", type=int, default=30)
    parser.add_argument("--years", type=int, default=20)
    args = parser.parse_args()
    if args.path.exists():
        print(f"{args.path} exists; remove it first.", file=sys.stderr)
        return 1
    print(build(args.path, args.committees, args.years))
    return 0


if __name__ == "__main__":
    sys.exit(main())
