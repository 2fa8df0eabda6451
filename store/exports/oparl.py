"""One meeting as OParl 1.1 JSON (https://oparl.org), the open-data standard for council information.

The output is a `Meeting` object with its agenda items, files and references, using the
spec's field names and types:

- `agendaItem`: embedded `AgendaItem` objects in agenda order (`order` from 0), numbered as
  the agenda numbers them, with `public`, `result` where the item was minuted (or withdrawn,
  deferred), `resolutionText` and `auxiliaryFile` (the item's appendices) for public items.
- `organization` and `participant` are lists of URLs, as the spec types them: the
  committee, and the people recorded as present or substituting. The objects behind those
  URLs (the `Organization`, and a `Person` with its `Membership` of the committee for each
  participant) come along under the vendor extension `clerk:referencedObjects`, so the
  file stands on its own.
- `invitation` is the public agenda pack once published, `auxiliaryFile` the supplementary
  agenda if items were added after publication, `resultsProtocol` the public minutes (their
  Markdown as `text`) once minutes are taken.

The export is public by construction: an exempt item is listed with its title and
`public: false`, and never its resolutions, reports or minute text.

Ids are stable URLs under `base_url`: "https://example.org/oparl/" gives
"https://example.org/oparl/meeting/3"; a base ending in ":" (the default "urn:clerk:")
gives "urn:clerk:meeting:3". Times carry the UK offset (GMT or BST). clerk does not record
when each record was created or changed, so `created` and `modified` (which OParl 1.1
requires on every object) are the time of the export, except for a report, which carries
the time it was attached: a client that syncs on `modified` re-reads, never misses.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import PurePath
from typing import TYPE_CHECKING

from store.appendix_layout import AgendaEntry, Appendix
from store.models import ROLE_LABELS

if TYPE_CHECKING:
    from store.api import Store

SCHEMA = "https://schema.oparl.org/1.1/"
DEFAULT_BASE = "urn:clerk:"
_MIME = {"pdf": "application/pdf", "markdown": "text/markdown", "text": "text/plain",
         "minutes": "text/markdown", "work-programme": "text/markdown"}
_SUFFIX = {"application/pdf": ".pdf", "text/markdown": ".md", "text/plain": ".txt"}
_RESULTS = {"withdrawn": "Withdrawn", "deferred": "Deferred"}


def meeting_as_oparl(store: Store, meeting_id: int, base_url: str = DEFAULT_BASE,
                     now: datetime | None = None) -> str:
    """The meeting as indented OParl JSON text."""
    return json.dumps(meeting_as_oparl_dict(store, meeting_id, base_url, now), indent=2, ensure_ascii=False)


def meeting_as_oparl_dict(store: Store, meeting_id: int, base_url: str = DEFAULT_BASE,
                          now: datetime | None = None) -> dict:
    return _Writer(store, base_url, now or datetime.now(timezone.utc)).meeting(meeting_id)


class _Writer:
    def __init__(self, store: Store, base_url: str, now: datetime):
        self.store = store
        self.base = base_url if base_url.endswith(":") else base_url.rstrip("/") + "/"
        self.stamp = _iso(now)

    def url(self, *parts: object) -> str:
        joiner = ":" if self.base.endswith(":") else "/"
        return self.base + joiner.join(str(part) for part in parts)

    def object(self, kind: str, key: object, **fields) -> dict:
        """An OParl object: id and type first, created and modified last, empty fields left out."""
        made = {"id": self.url(kind.lower(), key), "type": SCHEMA + kind}
        made.update((name, value) for name, value in fields.items() if value not in (None, [], ""))
        made.setdefault("created", self.stamp)
        made.setdefault("modified", self.stamp)
        return made

    # the meeting ------------------------------------------------------------------
    def meeting(self, meeting_id: int) -> dict:
        store = self.store
        meeting = store.meetings.get(meeting_id)
        committee = store.committees.get(meeting.committee_id)
        meeting_url = self.url("meeting", meeting.id)
        organization = self.url("organization", committee.id)
        layout = store.appendices.layout(meeting_id)
        participants = self._participants(meeting_id)
        minutes_file = self._results_protocol(meeting, meeting_url)
        return self.object(
            "Meeting", meeting.id,
            name=f"{committee.name}, {meeting.date.day} {meeting.date:%B %Y}",
            meetingState=meeting.status,
            cancelled=meeting.cancelled,
            start=_local(meeting.date, meeting.start_time),
            end=_local(meeting.date, meeting.closed_at) if meeting.closed_at else None,
            location=self.object("Location", f"meeting-{meeting.id}", description=meeting.place)
            if meeting.place else None,
            organization=[organization],
            participant=[self.url("person", person_id) for person_id, _ in participants],
            invitation=self._invitation(meeting, committee.name, meeting_url),
            resultsProtocol=minutes_file,
            auxiliaryFile=self._supplementary(meeting, committee.name, meeting_url, layout),
            agendaItem=[self._agenda_item(entry, order, meeting_url) for order, entry in enumerate(layout)],
            **{"clerk:referencedObjects": [self._organization(committee), *(
                self._person(person_id, committee.id) for person_id, _ in participants)]},
        )

    def _participants(self, meeting_id: int) -> list[tuple[int, str]]:
        """Who attended (present, or sitting as a substitute), in the order of the attendance list."""
        return [(e.person_id, e.name) for e in self.store.attendance.list_for(meeting_id)
                if e.status in ("present", "substitute")]

    # agenda items -------------------------------------------------------------------
    def _agenda_item(self, entry: AgendaEntry, order: int, meeting_url: str) -> dict:
        item = entry.item
        minute = self.store.minutes.for_item(item.id)
        public = item.exempt_paragraph is None and (minute is None or minute.exempt_paragraph is None)
        resolutions = [r.text for r in self.store.resolutions.list_for(minute.id)] if minute and public else []
        return self.object(
            "AgendaItem", item.id,
            number=str(entry.number),
            order=order,
            name=item.title,
            public=public,
            result=_result(item.status, minute),
            resolutionText=_numbered(resolutions),
            auxiliaryFile=[self._appendix(a, meeting_url, self.url("agendaitem", item.id))
                           for a in entry.appendices if a.document.kind != "to-follow"] if public else [],
        )

    def _appendix(self, appendix: Appendix, meeting_url: str, item_url: str) -> dict:
        document = appendix.document
        content = self.store.documents.content(document.id) if document.kind in ("pdf", "markdown", "text") else None
        mime = _MIME.get(document.kind)
        file_name = (PurePath(document.path).name if document.path
                     else f"appendix-{appendix.label.lower()}{_SUFFIX.get(mime, '.pdf')}")
        key = f"document-{document.id}"
        created = _iso(datetime.fromisoformat(document.added_at)) if document.added_at else None
        return self.object(
            "File", key,
            name=f"Appendix {appendix.label}: {document.title}",
            fileName=file_name,
            mimeType=mime,
            size=len(content) if content is not None else None,
            sha512Checksum=hashlib.sha512(content).hexdigest() if content is not None else None,
            accessUrl=self.url("file", key, file_name),
            meeting=[meeting_url],
            agendaItem=[item_url],
            created=created,
            modified=created,
        )

    # the meeting's own files ----------------------------------------------------------
    def _invitation(self, meeting, committee: str, meeting_url: str) -> dict | None:
        if meeting.published_at is None:
            return None
        file_name = f"{_slug(committee)}-{meeting.date.isoformat()}-agenda-pack.pdf"
        return self._meeting_file(f"agenda-pack-{meeting.id}", "Agenda pack", file_name, "application/pdf",
                                  meeting.published_at, meeting_url)

    def _supplementary(self, meeting, committee: str, meeting_url: str, layout: list[AgendaEntry]) -> list[dict]:
        if meeting.published_at is None or not any(e.item.supplementary and not e.private for e in layout):
            return []
        file_name = f"{_slug(committee)}-{meeting.date.isoformat()}-supplementary-agenda.md"
        return [self._meeting_file(f"supplementary-agenda-{meeting.id}", "Supplementary agenda", file_name,
                                   "text/markdown", None, meeting_url)]

    def _results_protocol(self, meeting, meeting_url: str) -> dict | None:
        minutes = self.store.minutes.list_for(meeting.id)
        if not minutes:
            return None
        from store.exports.minutes_markdown import minutes_markdown

        confirmed = all(m.confirmed for m in minutes)
        name = "Minutes" if confirmed else "Draft minutes"
        file_name = f"minutes-{meeting.date.isoformat()}.md"
        made = self._meeting_file(f"minutes-{meeting.id}", name, file_name, "text/markdown", None, meeting_url)
        made["text"] = minutes_markdown(self.store, meeting.id, private=False)
        return made

    def _meeting_file(self, key: str, name: str, file_name: str, mime: str, day: str | None,
                      meeting_url: str) -> dict:
        return self.object("File", key, name=name, fileName=file_name, mimeType=mime, date=day,
                           accessUrl=self.url("file", key, file_name), meeting=[meeting_url])

    # what the URLs point at ----------------------------------------------------------------
    def _organization(self, committee) -> dict:
        return self.object("Organization", committee.id, body=self.url("body", committee.body_id),
                           name=committee.name, organizationType="committee")

    def _person(self, person_id: int, committee_id: int) -> dict:
        person = self.store.people.get(person_id)
        memberships = [m for m in self.store.members.list_for(committee_id) if m.person.id == person_id]
        return self.object(
            "Person", person.id,
            name=person.display_name,
            formOfAddress=person.title or None,
            membership=[self._membership(m, committee_id) for m in memberships],
        )

    def _membership(self, member, committee_id: int) -> dict:
        return self.object(
            "Membership", member.id,
            organization=self.url("organization", committee_id),
            role=ROLE_LABELS[member.role],
            votingRight=member.voting,
            startDate=member.start_date.isoformat() if member.start_date else None,
            endDate=member.end_date.isoformat() if member.end_date else None,
        )


def _result(status: str, minute) -> str | None:
    if status in _RESULTS:
        return _RESULTS[status]
    if minute is None or minute.number is None:
        return None
    return f"Minuted as minute {minute.number}" + (" (confirmed)" if minute.confirmed else "")


def _numbered(resolutions: list[str]) -> str | None:
    if not resolutions:
        return None
    if len(resolutions) == 1:
        return resolutions[0]
    return "\n".join(f"{n}) {text}" for n, text in enumerate(resolutions, start=1))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


# UK civil time: GMT, and BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC
# on the last Sunday of October. Meetings are never held in the hour the clocks change.
def _last_sunday(year: int, month: int) -> date:
    last = date(year, month + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _uk_offset(day: date) -> timedelta:
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return timedelta(hours=1) if summer else timedelta(0)


def _local(day: date, at: time | None) -> str:
    """A meeting time as an xsd:dateTime with the UK offset (start of day when no time is set)."""
    return datetime.combine(day, at or time(0), timezone(_uk_offset(day))).isoformat()


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:  # the store's timestamps are the clerk's local (UK) time
        moment = moment.replace(tzinfo=timezone(_uk_offset(moment.date())))
    return moment.replace(microsecond=0).isoformat()
