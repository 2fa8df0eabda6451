"""Exempt information never reaches a public output (design.md, "Exempt items").

A property test: hypothesis builds two meetings of a committee (the previous one, whose
minutes are the next agenda pack's Appendix A, and the next one, with its standard items,
its work programme appendix and a published agenda) holding random exempt and public
items. Exempt items (Schedule 12A paragraph 1-7, made exempt when added, after their
minute was opened, or only at the minute) keep public titles, but their description,
recommendation, reasons for urgency, attached Markdown report, minute text, resolutions
and actions carry unique secret words ("qzs…"); public items carry public words ("qzp…").

Every public output (agenda, supplementary agenda, pack in Markdown and PDF, minutes,
meeting JSON, `clerk search --public --json`, the work programme and the action log)
must hold no secret word, and the public words it should show; the private outputs must
hold the secret words, so a test that could not see them cannot pass.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from store import Store
from store.errors import ClerkError
from store.exports.agenda_markdown import agenda_markdown, supplementary_markdown
from store.exports.meeting_json import meeting_as_json
from store.exports.minutes_markdown import minutes_markdown
from store.exports.pack_markdown import pack_markdown
from store.exports.pack_pdf import pack_pdf
from store.exports.programme_markdown import actions_markdown, programme_markdown
from tui.cli import main

SECRET, PUBLIC = "qzs", "qzp"
TODAY = date(2021, 2, 15)
PREVIOUS, NEXT = "2021-01-19", "2021-03-09"

PLACES = ("item", "urgency", "report", "minute", "resolution", "action")
ITEM = st.fixed_dictionaries({
    # where the item is exempt: not at all, from the start, from after its minute was opened,
    # or only its minute (taken in private under an item the public agenda showed in full)
    "exempt": st.sampled_from(["public", "item", "item-later", "minute"]),
    "paragraph": st.integers(1, 7),
    "late": st.booleans(),  # added after publication, with the Chair's reasons for urgency
    "report": st.booleans(),
    "resolutions": st.integers(0, 2),
    "action": st.booleans(),
    "topic_from_resolution": st.booleans(),
})
MEETING = st.lists(ITEM, min_size=1, max_size=3)


@dataclass
class Words:
    """The marker words put into the meetings, by where they went."""

    suffix: str
    count: int = 0
    meeting: str = ""
    secret: dict[str, set[str]] = field(default_factory=dict)
    public: dict[str, set[str]] = field(default_factory=dict)

    def new(self, private: bool, where: str) -> str:
        self.count += 1
        word = f"{SECRET if private else PUBLIC}{self.suffix}{_letters(self.count)}"
        where = where if where == "programme" else f"{self.meeting}:{where}"
        (self.secret if private else self.public).setdefault(where, set()).add(word)
        return word

    def of(self, private: bool, *places: str) -> set[str]:
        found = self.secret if private else self.public
        return set().union(*(found.get(p, set()) for p in places))


def _letters(n: int) -> str:
    """1 → 'a', 27 → 'ba': digits would be fine for FTS, letters keep the words plain."""
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
        if n == 0:
            return out


def _build_meeting(store: Store, committee, meeting, items: list[dict], words: Words, folder: Path,
                   publish: bool) -> None:
    """Items added (reports attached), the agenda published, late items added, minutes taken."""
    tag = f"{meeting.date:%b}".lower()
    words.meeting = tag
    added = []
    for index, spec in enumerate(items):
        if spec["late"] and publish:
            continue
        added.append((spec, _add_item(store, meeting, spec, words, folder, f"{tag}{index}", late=False)))
    if publish:
        store.appendices.publish(meeting.id, TODAY)
        for index, spec in enumerate(items):
            if spec["late"]:
                added.append((spec, _add_item(store, meeting, spec, words, folder, f"{tag}{index}", late=True)))
    minutes = {m.agenda_item_id: m for m in store.minutes.take_agenda(meeting.id)}
    for spec, item in added:
        minute = minutes[item.id]
        if spec["exempt"] == "item-later":
            store.agenda.update(item.id, exempt_paragraph=spec["paragraph"])
        if spec["exempt"] == "minute":
            store.minutes.set_exempt(minute.id, spec["paragraph"])
        private = spec["exempt"] != "public"
        store.minutes.update(minute.id, body=f"The Committee discussed {words.new(private, 'minute')} at length.\n\n"
                                             f"Members asked about {words.new(private, 'minute')}.")
        for _ in range(spec["resolutions"]):
            resolution = store.resolutions.add(minute.id, f"That {words.new(private, 'resolution')} be noted.")
            if spec["action"]:
                store.actions.add(committee.id, f"Report back on {words.new(private, 'action')}",
                                  resolution_id=resolution.id, owner=f"Officer {words.new(private, 'action')}")
            if spec["topic_from_resolution"]:
                try:
                    store.programme.topic_from_resolution(resolution.id, TODAY)
                except ClerkError:
                    pass  # refusing to turn an exempt resolution into a public topic is fine


def _add_item(store: Store, meeting, spec: dict, words: Words, folder: Path, key: str, late: bool):
    item_private = spec["exempt"] in ("item", "item-later")
    item = store.agenda.add(
        meeting.id, f"Business {words.new(False, 'title')}",
        description=f"This report concerns {words.new(item_private, 'item')}.",
        recommendation=f"That the Committee note {words.new(item_private, 'item')}.",
        exempt_paragraph=spec["paragraph"] if spec["exempt"] == "item" else None,
        urgency_reasons=f"The matter of {words.new(item_private, 'urgency')} cannot wait." if late else None,
    )
    if spec["report"]:
        path = folder / f"report-{key}.md"
        path.write_text(f"# Report\n\nThe officer reports on {words.new(item_private, 'report')}.\n",
                        encoding="utf-8")
        store.documents.attach(item.id, path, title="Report of the Director")
    return item


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _cli(capsys, *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0
    return capsys.readouterr().out


def _found_in(text: str, words: set[str]) -> set[str]:
    """The words of `words` that `text` holds as whole words, in any case."""
    return words & set(re.findall(rf"(?:{SECRET}|{PUBLIC})[a-z]+", text.casefold()))


# An example builds two meetings and renders every export, PDFs included (about half a second):
# shrinking a failure would take minutes, so a failing example is reported as found.
@settings(max_examples=25, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(previous=MEETING, following=MEETING, suffix=st.text("bcdfghjklmnpqrstvwxz", min_size=3, max_size=5))
def test_no_exempt_word_reaches_a_public_output(capsys, previous, following, suffix):
    words = Words(suffix)
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        db = folder / "clerk.db"
        with Store(db) as store:
            committee = store.committees.add("Scrutiny Commission", council="Borsetshire Council")
            first = store.meetings.add(committee.id, PREVIOUS)
            second = store.meetings.add(committee.id, NEXT)
            store.programme.add(committee.id, f"Topic {words.new(False, 'programme')}", TODAY, meeting_id=second.id)
            store.agenda.start_from_standard_items(second.id)  # Appendix A: the previous minutes; the programme
            _build_meeting(store, committee, first, previous, words, folder, publish=False)
            _build_meeting(store, committee, second, following, words, folder, publish=True)
            year = store.meetings.year_of(committee, second.date)

            public = {
                "agenda (previous)": agenda_markdown(store, first.id),
                "agenda": agenda_markdown(store, second.id),
                "supplementary agenda": supplementary_markdown(store, second.id),
                "pack": pack_markdown(store, second.id),
                "pack PDF": _pdf_text(pack_pdf(store, second.id)),
                "minutes (previous)": minutes_markdown(store, first.id),
                "minutes": minutes_markdown(store, second.id),
                "JSON (previous)": meeting_as_json(store, first.id),
                "JSON": meeting_as_json(store, second.id),
                "work programme": programme_markdown(store, committee.id, year),
                "action log": actions_markdown(store, committee.id, TODAY),
            }
            private = {
                "agenda": agenda_markdown(store, first.id, private=True) + agenda_markdown(store, second.id, private=True),
                "supplementary agenda": supplementary_markdown(store, second.id, private=True),
                "pack": pack_markdown(store, second.id, private=True),
                "pack PDF": _pdf_text(pack_pdf(store, second.id, private=True)),
                "minutes": minutes_markdown(store, first.id, private=True)
                           + minutes_markdown(store, second.id, private=True),
            }
        public["search --public"] = _cli(capsys, "--db", str(db), "search", SECRET, "--public", "--json",
                                         "--limit", "500")
        public["search --public (public words)"] = _cli(capsys, "--db", str(db), "search", PUBLIC, "--public",
                                                        "--json", "--limit", "500")
        private["search"] = _cli(capsys, "--db", str(db), "search", SECRET, "--json", "--limit", "500")

    every_secret = words.of(True, *(f"{m}:{w}" for m in ("jan", "mar") for w in PLACES))
    for name, text in public.items():
        assert not _found_in(text, every_secret), f"exempt words in the public {name}"
        assert SECRET + words.suffix not in text.casefold(), f"an exempt word in the public {name}"
    assert json.loads(public["search --public"]) == []

    # The outputs do show what they are for (public words in public, secret words in private),
    # so a check that could not see the words would fail here.
    def shown(text: str, private: bool, *places: str) -> None:
        expected = words.of(private, *places)
        assert _found_in(text, expected) == expected, places

    shown(public["agenda (previous)"], False, "jan:title", "jan:item")
    shown(public["agenda"], False, "mar:title", "mar:item", "mar:urgency")
    shown(public["supplementary agenda"], False, "mar:urgency")
    shown(public["pack"], False, "mar:title", "mar:item", "mar:report", "jan:minute", "jan:resolution",
          "jan:action", "programme")
    shown(public["pack PDF"], False, "mar:report")
    shown(public["minutes (previous)"] + public["minutes"], False,
          *(f"{m}:{w}" for m in ("jan", "mar") for w in ("title", "minute", "resolution", "action")))
    shown(public["JSON (previous)"] + public["JSON"], False,
          *(f"{m}:{w}" for m in ("jan", "mar") for w in ("title", "minute", "resolution")))
    shown(public["work programme"], False, "programme")
    shown(public["action log"], False, "jan:action", "mar:action")
    shown(public["search --public (public words)"], False,
          *(f"{m}:{w}" for m in ("jan", "mar") for w in ("minute", "resolution")))
    shown(private["agenda"], True, "jan:item", "mar:item", "mar:urgency")
    shown(private["supplementary agenda"], True, "mar:urgency")
    shown(private["pack"], True, "mar:item", "mar:report")
    shown(private["pack PDF"], True, "mar:report")
    shown(private["minutes"], True, *(f"{m}:{w}" for m in ("jan", "mar") for w in ("minute", "resolution", "action")))
    shown(private["search"], True, *(f"{m}:{w}" for m in ("jan", "mar") for w in ("minute", "resolution")))
