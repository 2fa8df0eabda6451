"""Bad input everywhere: never a traceback, a clear message, nothing stored half-way, no broken export.

Hypothesis feeds hostile text (control characters, NUL, 100,000-character lines, Markdown and
HTML that would change a document's structure, FTS5 syntax, lone surrogates, invalid UTF-8
files, a PDF that is not one, a 50 MB file) to the importer, the search, the store's write
calls, every argument of the `clerk` command and a form of the app. A refusal must be a
ClerkError (on the command line `clerk: …` and exit status 1; argparse's own exit status 2 is
fine) and must leave every table as it was; an export of what was stored must keep its outline
(headings, tables, no code block or HTML swallowing what follows), checked by parsing it with
a CommonMark parser.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from datetime import date, datetime
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from store import Store
from store.errors import ClerkError
from store.exports.agenda_markdown import agenda_markdown
from store.exports.audit_markdown import audit_markdown
from store.exports.minutes_markdown import minutes_markdown
from store.exports.pack_markdown import pack_markdown
from store.exports.programme_markdown import actions_markdown, programme_markdown
from store.importing import import_file
from tui.cli import main

TODAY = date(2021, 2, 1)
FRAGMENTS = [
    "# 12. FAKE MINUTE", "## Heading", "###### h6", "#", "---", "***", "* * *", "===", "___", "- item", "+ item",
    "1. item", "12) item", "> quote", "    indented code", "\tcode", "|", "| a | b |", "|---|---|", "a | b",
    "--- | ---", "<script>alert(1)</script>", "<script>", "<div>", "</div>", "<!--", "-->", "<?php", "<![CDATA[",
    "<pre>", "<b>x</b>", "```", "```python", "~~~", "`", "[link](x)", "[x]: http://a", "![img](y)", "<http://a>",
    "*emphasis*", "__bold__", "\\", "&amp;", "&#0;", "TITLE #", "Title\\", "NEAR(a b)", '"', "AND", "OR", "NOT",
    "a*", "*", "col:x", "^x", "(", ")", "{x}", "[bold]", "[/]", "%s", "{0}", "'; DROP TABLE minutes; --",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\r", "\r\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\u202e", "\ufeff",
    "\u00ad", "\u200b", "é", "ﬁ", "𝔘𝔫𝔦", "🙂", "Ω", "\ud800", "\udcff",
]
SEPARATORS = st.sampled_from(["", " ", "\n", "\n\n", "\r\n"])
PIECE = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12))
HOSTILE = st.lists(st.tuples(PIECE, SEPARATORS), min_size=1, max_size=8).map(
    lambda parts: "".join(piece + sep for piece, sep in parts))
LONG = HOSTILE.map(lambda text: text + "x" * 100_000)
TEXT = st.one_of(HOSTILE, HOSTILE, HOSTILE, LONG)  # a long line one time in four
# What a clerk can type and store: no NUL, no lone surrogate (a terminal never sends one).
STORABLE = HOSTILE.map(lambda t: "".join(ch for ch in t if ch != "\x00" and not "\ud800" <= ch <= "\udfff"))

MARKDOWN = MarkdownIt("commonmark").enable("table")
BOUNDED = settings(max_examples=25, deadline=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.function_scoped_fixture])


# ---------------------------------------------------------------- helpers
def counts(store: Store) -> dict[str, int]:
    """Rows in every table (the search index included): a refusal must leave them all as they were.
    (ui_state is where the app keeps its place, not data.)"""
    tables = [r[0] for r in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name NOT LIKE 'search_index_%' AND name <> 'ui_state'")]
    return {t: store.db.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def outline(markdown: str) -> list[tuple[str, str]]:
    """The document's structure as a CommonMark parser sees it: headings, rules, tables, code, HTML."""
    kept = ("heading_open", "hr", "table_open", "fence", "html_block")
    tokens = MARKDOWN.parse(markdown)
    found = [(t.type, t.tag) for t in tokens if t.type in kept]
    found += [("html_inline", "") for t in tokens if t.type == "inline" for c in t.children or ()
              if c.type == "html_inline"]
    return found


def table_shape(markdown: str) -> list[list[int]]:
    """For each table, the number of cells in each row."""
    shapes, rows, cells = [], None, 0
    for token in MARKDOWN.parse(markdown):
        if token.type == "table_open":
            rows = []
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            rows.append(cells)
        elif token.type == "table_close":
            shapes.append(rows)
    return shapes


def run_cli(*args: str) -> tuple[int, str, str]:
    """`clerk ARGS`: (exit status, stdout, stderr); a traceback fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as leaving:  # argparse refusing an argument, or --help
            status = leaving.code
            assert status in (0, 2), f"exit {status} for {args!r}"
    assert isinstance(status, int)
    if status == 1:
        assert err.getvalue().startswith("clerk: "), (args, err.getvalue()[:300])
    assert "Traceback" not in err.getvalue()
    return status, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A committee with two meetings: January's minutes with resolutions, March's agenda. Copied per test."""
    path = tmp_path_factory.mktemp("hostile") / "clerk.db"
    with Store(path) as store:
        committee = store.committees.add("Scrutiny Commission", council="Borsetshire Council")
        store.members.add(committee.id, "Joshi", role="chair")
        january = store.meetings.add(committee.id, "2021-01-19", start_time="17:30")
        march = store.meetings.add(committee.id, "2021-03-09", start_time="17:30")
        for title in ("Care home fees", "Day care review"):
            store.agenda.add(january.id, title, description="The report of the Director.")
            store.agenda.add(march.id, title, description="The report of the Director.")
        for minute in store.minutes.take_agenda(january.id):
            store.minutes.update(minute.id, body="The Commission considered the report.")
            store.resolutions.add(minute.id, "That the report be noted.")
        store.programme.add(committee.id, "Care home fees", TODAY, meeting_id=march.id)
    return path


@pytest.fixture
def store(small, tmp_path):
    shutil.copyfile(small, tmp_path / "clerk.db")
    with Store(tmp_path / "clerk.db") as store:
        yield store


@contextmanager
def fresh(small):
    """A copy of the small database for one hypothesis example (examples must not share state)."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copyfile(small, Path(folder) / "clerk.db")
        with Store(Path(folder) / "clerk.db") as store:
            yield store, Path(folder)


# ---------------------------------------------------------------- the importer
MINUTES_FILE = """Minutes of the Meeting of the SCRUTINY COMMISSION

Held: SUNDAY, 10 NOVEMBER 2019 at 5:30 pm

PRESENT:

Councillor Joshi (Chair)

*** ** **

1. APOLOGIES FOR ABSENCE

There were no apologies for absence.

2. {title}

{body}

AGREED:

That {resolution}.
"""


@BOUNDED
@given(data=st.data())
def test_the_importer_imports_or_refuses_any_file(small, data):
    with fresh(small) as (store, folder):
        _import_one(store, folder, data)


def _import_one(store, tmp_path, data):
    kind = data.draw(st.sampled_from(["bytes", "text", "minutes"]), label="kind")
    encoding = data.draw(st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]), label="encoding")
    if kind == "bytes":
        content = data.draw(st.binary(max_size=3000), label="content")
    elif kind == "text":
        content = data.draw(TEXT, label="text").encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")
    else:
        title, body, resolution = (data.draw(TEXT if n == "body" else HOSTILE, label=n)
                                   for n in ("title", "body", "resolution"))
        content = MINUTES_FILE.format(title=title, body=body, resolution=resolution).encode(encoding, "replace")
    if data.draw(st.integers(0, 3), label="garbled") == 0:  # invalid UTF-8 in the middle, one time in four
        cut = data.draw(st.integers(0, len(content)), label="cut")
        content = content[:cut] + b"\xff\xfe\xc3(\xa0\xed\xa0\x80" + content[cut:]
    suffixes = [".txt", ".md", ".markdown"] + ([] if kind == "minutes" else [".pdf", ".PDF", ""])
    suffix = data.draw(st.sampled_from(suffixes), label="suffix")
    path = tmp_path / f"file{suffix}"
    path.write_bytes(content)
    before = counts(store)
    try:
        report = import_file(store, path, now=datetime(2021, 2, 1, 12, 0))
    except ClerkError as refused:
        event(f"import refused: {kind}: {str(refused)[:70]}")
        assert str(refused) and "Traceback" not in str(refused)
        assert counts(store) == before, "a refused import left rows behind"
        return
    event(f"imported: {kind}, minutes stored: {bool(report.minutes and report.minutes.stored)}")
    assert report.summary_line()
    if report.minutes is not None and report.minutes.stored:
        meeting = store.meetings.on(store.committees.by_name(report.committee).id, report.minutes.date)
        numbers = [m.number for m in store.minutes.list_for(meeting.id)]
        headings = [t for t in outline(minutes_markdown(store, meeting.id)) if t == ("heading_open", "h2")]
        assert len(headings) == len(numbers), "an imported minute's text broke the minutes' structure"


def _pdf_bytes() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.text(20, 20, "Minutes of the Meeting of the SCRUTINY COMMISSION")
    return bytes(pdf.output())


NOT_WHAT_THEY_SAY = [
    ("scan.pdf", b"not a pdf at all", "is called .pdf but is not a PDF"),
    ("broken.pdf", b"%PDF-1.7\n" + b"\x00garbage" * 200, "could not be read as a PDF"),
    ("truncated.pdf", _pdf_bytes()[:300], "could not be read as a PDF"),
    ("image.pdf", _pdf_bytes().replace(b"Minutes of the Meeting", b"                      "), None),
    ("empty.txt", b"", "is empty"),
    ("blank.md", b" \n\t\n", "is empty"),
    ("binary.txt", bytes(range(256)) * 8, "holds binary data"),
    ("nul.md", b"Minutes\x00of the meeting", "holds binary data"),
    ("utf16-no-bom.txt", "Minutes of the meeting".encode("utf-16-le"), "holds binary data"),
    ("broken-utf16.txt", b"\xff\xfeM\x00i\x00\x00\xd8", "starts as UTF-16 text"),  # a lone surrogate
    ("odd-utf16.txt", b"\xff\xfeM\x00i", "starts as UTF-16 text"),
]


# Named ids: a PDF's bytes hold its creation time, and xdist workers must collect the same names.
@pytest.mark.parametrize(("name", "content", "message"), NOT_WHAT_THEY_SAY, ids=[row[0] for row in NOT_WHAT_THEY_SAY])
def test_files_that_are_not_what_they_say(store, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = counts(store)
    with pytest.raises(ClerkError) as refused:
        import_file(store, path)
    if message:
        assert message in str(refused.value)
    assert name in str(refused.value) or str(path) in str(refused.value)
    assert counts(store) == before


@pytest.mark.parametrize(("name", "head"), [
    ("huge.txt", b""), ("huge.md", b"Minutes of the Meeting of the SCRUTINY COMMISSION\n\n"), ("huge.pdf", b""),
    ("huge-zeros.pdf", b"%PDF-1.4\n"), ("huge-text.txt", None),
])
def test_a_50_mb_file_is_refused_in_bounded_time(store, tmp_path, name, head):
    path = tmp_path / name
    size = 50 * 1024 * 1024
    with path.open("wb") as handle:
        if head is None:  # 50 MB of real text, which the parser would take many seconds over
            line = b"The Commission considered the report of the Director and asked about the fees.\n"
            handle.write(line * (size // len(line)))
        else:  # sparse: written in an instant
            handle.write(head)
            handle.truncate(size)
    before = counts(store)
    started = time.monotonic()
    status, out, err = run_cli("--db", str(store.path), "import", str(path))
    elapsed = time.monotonic() - started
    assert status == 1 and err.startswith(f"clerk: {name} ")
    assert elapsed < 10, f"{elapsed:.1f} s to refuse a 50 MB file"
    assert counts(store) == before


# ---------------------------------------------------------------- search
@BOUNDED
@given(text=st.one_of(TEXT, st.none()), public=st.booleans(), relevance=st.booleans())
def test_search_never_raises(small, text, public, relevance):
    with fresh(small) as (store, _):
        _search(store, text, public, relevance)


def _search(store, text, public, relevance):
    hits = store.search.search(text, public=public, order="relevance" if relevance else "newest", limit=5)
    assert isinstance(hits, list)
    store.search.jump(text, store.committees.list()[0].id, TODAY)


def test_search_finds_what_holds_fts_syntax(store):
    minute = store.minutes.list_for(store.meetings.on(1, "2021-01-19").id)[0]
    store.minutes.update(minute.id, body='Members asked about NEAR(zqcost "zqcare") AND col:zqfees* OR NOT '
                                         'zqmental-health.')
    for query in ('NEAR(zqcost', '"zqcare"', "col:zqfees", "zqmental-health", "zqfees*", "NOT zqmental",
                  "zqmental health", 'zqcare"'):
        assert [h.minute_id for h in store.search.search(query)] == [minute.id], query


# ---------------------------------------------------------------- the store's write calls
def _writes(store: Store):
    committee = store.committees.list()[0]
    january = store.meetings.on(committee.id, "2021-01-19")
    march = store.meetings.on(committee.id, "2021-03-09")
    item = store.agenda.list_for(march.id)[0]
    minute = store.minutes.list_for(january.id)[0]
    person = store.members.list_for(committee.id)[0].person
    topic = store.programme.list_for(committee.id, 2020)[0]
    return {
        "agenda.add title": (lambda h: store.agenda.add(march.id, h), lambda r, h: r.title == h.strip().upper()),
        "agenda.add wording": (lambda h: store.agenda.add(march.id, "Item", description=h, recommendation=h),
                               lambda r, h: r.description == (h.strip() or None)),
        "agenda.update title": (lambda h: store.agenda.update(item.id, title=h),
                                lambda r, h: r.title == h.strip().upper()),
        "agenda.update wording": (lambda h: store.agenda.update(item.id, description=h, recommendation=h),
                                  lambda r, h: r.recommendation == (h.strip() or None)),
        "minutes.update body": (lambda h: store.minutes.update(minute.id, body=h), lambda r, h: r.body == h),
        "minutes.update title": (lambda h: store.minutes.update(minute.id, title=h),
                                 lambda r, h: r.title == h.strip()),
        "resolutions.add": (lambda h: store.resolutions.add(minute.id, h), lambda r, h: r.text == h.strip()),
        "actions.add": (lambda h: store.actions.add(committee.id, h, owner=h),
                        lambda r, h: r.description == h.strip()),
        "committees.add": (lambda h: store.committees.add(h, council=h), lambda r, h: r.name == h.strip()),
        "committees.rename": (lambda h: store.committees.rename(committee.id, h), lambda r, h: r.name == h.strip()),
        "people.ensure": (lambda h: store.people.ensure(h), lambda r, h: r.name == h.strip()),
        "people.update": (lambda h: store.people.update(person.id, name=h, party=h, email=h),
                          lambda r, h: r.name == h.strip()),
        "members.add": (lambda h: store.members.add(committee.id, h, start_date=h), lambda r, h: True),
        "meetings.add": (lambda h: store.meetings.add(committee.id, h, start_time=h, place=h), lambda r, h: True),
        "meetings.add place": (lambda h: store.meetings.add(committee.id, "2021-06-22", place=h),
                               lambda r, h: r.place == (h.strip() or None)),
        "meetings.update": (lambda h: store.meetings.update(march.id, start_time=h), lambda r, h: True),
        "meetings.close": (lambda h: store.meetings.close(january.id, h), lambda r, h: True),
        "programme.add": (lambda h: store.programme.add(committee.id, h, TODAY, actions_arising=h, progress=h),
                          lambda r, h: r.topic == h.strip()),
        "programme.update": (lambda h: store.programme.update(topic.id, topic=h, lead_officers=h),
                             lambda r, h: r.topic == h.strip()),
        "declarations.add": (lambda h: store.declarations.add(january.id, person.id, h, h), lambda r, h: True),
        "interests.add": (lambda h: store.interests.add(person.id, h, h), lambda r, h: True),
        "officers.add": (lambda h: store.officers.add(committee.body_id, h, initials=h, email=h),
                         lambda r, h: True),
    }


@BOUNDED
@given(data=st.data())
def test_store_writes_store_the_text_or_refuse_it_whole(small, data):
    with fresh(small) as (store, _):
        _write_one(store, data)


def _write_one(store, data):
    writes = _writes(store)
    name = data.draw(st.sampled_from(sorted(writes)), label="write")
    text = data.draw(TEXT, label="text")
    write, stored_as_typed = writes[name]
    before = counts(store)
    try:
        result = write(text)
    except ClerkError as refused:
        event("refused")
        assert str(refused)
        assert counts(store) == before, f"{name} refused but stored something"
        return
    event("stored")
    assert stored_as_typed(result, text), f"{name} changed the text it stored"


# ---------------------------------------------------------------- the command line
COMMANDS = [
    ["export", "minutes", "--date={0}"],
    ["export", "minutes", "--date=2021-01-19", "--committee={0}"],
    ["export", "minutes", "--date=2021-01-19", "--private", "-o", "{path}"],
    ["export", "meeting", "--date={0}"],
    ["export", "agenda", "--date={0}", "--committee={1}"],
    ["export", "agenda", "--date=2021-03-09", "--supplementary", "-o", "{path}"],
    ["export", "pack", "--date={0}"],
    ["export", "programme", "--year={0}"],
    ["export", "programme", "--year=2020", "--committee={0}"],
    ["export", "actions", "--committee={0}", "-o", "{path}"],
    ["export", "audit", "--committee={0}"],
    ["export", "audit", "--private", "-o", "{path}"],
    ["export", "attendance", "--year={0}", "--format=csv"],
    ["export", "meeting", "--date=2021-01-19", "--format=oparl", "--base-url={0}"],
    ["search", "{0}"],
    ["search", "{0}", "{1}", "--json"],
    ["search", "care", "--since={0}", "--until={1}"],
    ["search", "care", "--committee={0}", "--public", "--relevance"],
    ["search", "care", "--limit={0}"],
    ["search", "--", "{0}"],
    ["import", "{path}"],
    ["import", "{path}", "--committee={0}", "--council={1}"],
    ["{0}"],
    ["export", "{0}"],
    ["--db", "{path}", "search", "care"],
]
ARGUMENT = st.one_of(HOSTILE, st.sampled_from(["", "2021-01-19", "19/1/2021", "0000", "9999", "2020/21", "-1",
                                              "99999999999999999999", "--help", "-o", "\x00", "\udcff", "nan"]))


@BOUNDED
@given(template=st.sampled_from(COMMANDS), first=ARGUMENT, second=ARGUMENT, name=ARGUMENT)
def test_every_cli_argument_gives_a_message_never_a_traceback(small, monkeypatch, template, first, second, name):
    with fresh(small) as (store, tmp_path):
        monkeypatch.chdir(tmp_path)  # a relative path lands here, never in the project
        _cli_once(store, tmp_path, template, first, second, name)


def _cli_once(store, tmp_path, template, first, second, name):
    safe_name = "out-" + name.replace("/", "_")[:200]
    args = [part.format(first, second, path=str(tmp_path / safe_name)) if "{" in part else part
            for part in template]
    before = counts(store)
    status, out, err = run_cli("--db", str(store.path), *args)
    event(f"exit status {status}")
    assert status in (0, 1, 2)
    if template[0] != "import":
        assert counts(store) == before, "a command that only reads changed the database"


@pytest.mark.parametrize("args", [
    ["export", "programme", "--year=0000"], ["export", "programme", "--year=9999"],
    ["export", "programme", "--year=\u0661\u0662\u0663\u0664"], ["search", "care", "--limit=99999999999999999999"],
    ["export", "minutes", "--date="], ["export", "minutes", "--date=2021-01-19", "-o", "{tmp}/a\x00b.md"],
    ["export", "pack", "--date=2021-03-09", "-o", "{tmp}/a\x00b.md"], ["--db", "{tmp}/a\x00b.db", "search", "care"],
    ["--db", "{tmp}/" + "long/" * 1000 + "clerk.db", "search", "care"], ["search", "\udcff", "\x00"],
    ["export", "minutes", "--date=2021-01-19", "--committee=\udcff"],
], ids=lambda args: " ".join(args)[:40])
def test_arguments_that_once_gave_a_traceback(store, tmp_path, args):
    """Found by the property test above (or beside it), kept so they stay found."""
    status, out, err = run_cli("--db", str(store.path), *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert status in (0, 1)


NASTY = ["\x00", "\ud800", "x" * 100_000, "\udcff <script>", "  \r\n  "]


@pytest.mark.parametrize("text", NASTY, ids=["NUL", "surrogate", "100k", "escaped byte", "blank"])
def test_every_write_refuses_or_stores_the_nastiest_text(small, text):
    with fresh(small) as (store, _):
        for name, (write, stored_as_typed) in _writes(store).items():
            before = counts(store)
            try:
                result = write(text)
            except ClerkError:
                assert counts(store) == before, f"{name} refused but stored something"
                continue
            assert stored_as_typed(result, text), name


# ---------------------------------------------------------------- exports keep their structure
@BOUNDED
@given(texts=st.lists(STORABLE, min_size=3, max_size=3), title=STORABLE)
def test_hostile_text_does_not_change_an_exports_structure(small, texts, title):
    with fresh(small) as (store, _):
        _structure(store, texts, title)


def _structure(store, texts, title):
    committee = store.committees.list()[0]
    january = store.meetings.on(committee.id, "2021-01-19")
    march = store.meetings.on(committee.id, "2021-03-09")
    minutes = store.minutes.list_for(january.id)
    topic = store.programme.list_for(committee.id, 2020)[0]
    action = store.actions.add(committee.id, "Report back",
                               resolution_id=store.resolutions.list_for(minutes[0].id)[0].id)
    store.committees.update_settings(committee.id, public_information="Plain words.")
    baseline = {
        "minutes": outline(minutes_markdown(store, january.id, private=True)),
        "agenda": outline(agenda_markdown(store, march.id, private=True)),
        "programme": table_shape(programme_markdown(store, committee.id, 2020)),
        "actions": table_shape(actions_markdown(store, committee.id, TODAY)),
    }
    body, resolution, wording = texts
    heading = " ".join(title.split())[:200]
    for minute in minutes:
        store.minutes.update(minute.id, body=body)
        if heading.strip():
            store.minutes.update(minute.id, title=heading)
        if resolution.strip():
            store.resolutions.add(minute.id, resolution)  # a second resolution: numbered "1)", "2)"
    if wording.strip():
        store.actions.update(action.id, description=wording, owner=wording, progress=wording)
    for item in store.agenda.list_for(march.id):
        store.agenda.update(item.id, title=heading or item.title, description=wording or None,
                            recommendation=body or None)
    if heading.strip():
        store.programme.update(topic.id, topic=heading)
    store.programme.update(topic.id, actions_arising=wording or None, progress=body or None)
    store.committees.update_settings(committee.id, public_information=body if body.strip() else "Plain words.")
    if heading.strip():
        store.committees.rename(committee.id, heading)

    assert outline(minutes_markdown(store, january.id, private=True)) == baseline["minutes"]
    assert outline(agenda_markdown(store, march.id, private=True)) == baseline["agenda"]
    assert table_shape(programme_markdown(store, committee.id, 2020)) == baseline["programme"]
    assert table_shape(actions_markdown(store, committee.id, TODAY)) == baseline["actions"]


def test_a_minute_line_that_looks_like_a_heading_stays_text(store):
    january = store.meetings.on(1, "2021-01-19")
    minute = store.minutes.list_for(january.id)[0]
    store.minutes.update(minute.id, body="Members noted:\n# 12. FAKE MINUTE\n\nTitle\n===\n```\n<script>x</script>")
    text = minutes_markdown(store, january.id)
    assert [line for line in text.splitlines() if line.startswith("## ")] == ["## 1. CARE HOME FEES",
                                                                              "## 2. DAY CARE REVIEW"]
    assert [t for t in outline(text) if t[0] == "heading_open"] == [("heading_open", "h1")] + [
        ("heading_open", "h2")] * 2
    assert "FAKE MINUTE" in text and "<script>" not in MARKDOWN.render(text)


def test_a_pipe_in_a_programme_topic_keeps_the_table(store):
    committee = store.committees.list()[0]
    topic = store.programme.list_for(committee.id, 2020)[0]
    before = table_shape(programme_markdown(store, committee.id, 2020))
    store.programme.update(topic.id, topic="Fees | charges\n|---|", actions_arising="a|b|c", progress="| x |")
    assert table_shape(programme_markdown(store, committee.id, 2020)) == before


@BOUNDED
@given(report=STORABLE, amendment=STORABLE)
@example(report="||", amendment="# 12. FAKE MINUTE")  # pipes with no cells: attaching the report crashed
def test_the_pack_and_the_audit_trail_keep_their_structure(small, report, amendment):
    with fresh(small) as (store, folder):
        _pack_and_audit(store, folder, report, amendment)


def _pack_and_audit(store, tmp_path, report, amendment):
    committee = store.committees.list()[0]
    january = store.meetings.on(committee.id, "2021-01-19")
    march = store.meetings.on(committee.id, "2021-03-09")
    items = store.agenda.list_for(march.id)
    path = tmp_path / "report.md"
    path.write_text(f"# Report of the Director\n\n{report}\n", encoding="utf-8")
    for item in items:
        store.documents.attach(item.id, path, title="Report")
    pack = pack_markdown(store, march.id, private=True)
    h1 = [t for t in MARKDOWN.parse(pack) if t.type == "heading_open" and t.tag == "h1"]
    assert len(h1) == 1 + len(items), "an embedded report changed the pack's level-one headings"
    # (A report is embedded as written, its own inline HTML included; the clerk's text around it is escaped.)

    store.meetings.close(january.id, "20:00")
    store.minutes.confirm_meeting(january.id, datetime(2021, 3, 9, 18, 0))
    minute = store.minutes.list_for(january.id)[0]
    if amendment.strip():
        store.minutes.amend(minute.id, "body", amendment, amendment, datetime(2021, 3, 10), by=amendment)
        store.minutes.amend(minute.id, "title", amendment, "Title", datetime(2021, 3, 11))
    amended = len(store.minutes.get(minute.id).amendments)
    trail = audit_markdown(store, committee.id)
    headings = [t for t in outline(trail) if t[0] == "heading_open"]
    assert headings == [("heading_open", "h1")] + [("heading_open", "h2")] * amended
    assert not [t for t in outline(trail) if t[0] in ("fence", "html_block", "html_inline", "table_open")]


# ---------------------------------------------------------------- a form of the app
PASTED = [
    "x" * 100_000, "\x00NUL", "   \r\n", "\ud800",  # refused
    "[bold]Cllr Smith[/bold] [Chair]\x07\x1b[31m 🙂 ﬁ", "# 12. FAKE MINUTE | ``` <script>alert(1)</script>",  # stored
]


async def test_a_form_takes_hostile_text_or_says_why_not(store):
    """The Agenda pane's new-item form, pasted into (values set directly) and saved, once per text."""
    from textual.widgets import Input, Static, TextArea

    from tui.app import ClerkApp
    from tui.dialogs.form import FormDialog

    committee = store.committees.list()[0]
    march = store.meetings.on(committee.id, "2021-03-09")
    app = ClerkApp(store, today=lambda: TODAY, now=lambda: datetime(2021, 2, 1, 10, 0))
    outcomes = {}
    async with app.run_test(size=(120, 40)) as pilot:
        app.set_context(committee.id, march.id)
        await pilot.press("2")
        await pilot.pause()
        for pasted in PASTED:
            before = counts(store)
            known = {item.id for item in store.agenda.list_for(march.id)}
            app.screen.action_item_new()
            await pilot.pause()
            form = app.screen
            assert isinstance(form, FormDialog)
            form.query_one("#field-title", Input).value = pasted
            form.query_one("#field-description", TextArea).load_text(pasted)
            await pilot.press("ctrl+s")
            await pilot.pause()
            if app.screen is form:  # refused: the form stays open and says why; nothing is stored
                message = str(form.query_one("#form-error", Static).render())
                assert message.strip(), f"the form neither saved {pasted[:20]!r} nor said why"
                assert counts(store) == before, f"{pasted[:20]!r} was refused but left rows behind"
                outcomes[pasted[:12]] = message
                await pilot.press("escape")
            else:
                [added] = [item for item in store.agenda.list_for(march.id) if item.id not in known]
                assert added.title == pasted.strip().upper()
                assert added.description == (pasted.strip() or None)
                outcomes[pasted[:12]] = "stored"
            await pilot.pause()
            assert app.is_running and len(app.screen_stack) == 1
    # Both roads were taken: long, NUL, blank and broken text is refused; markup and Markdown stored.
    assert outcomes["\x00NUL"].startswith("The text holds a NUL")
    assert "300" in outcomes["x" * 12] and "empty" in outcomes["   \r\n"] and "broken" in outcomes["\ud800"]
    assert outcomes["[bold]Cllr S"] == outcomes["# 12. FAKE M"] == "stored"
