"""The Agenda pane's verbs on documents (attach, to follow, replace, label, rename, remove,
reorder) and its export, which runs in a thread worker with its own connection.

A mixin of AgendaScreen: it uses the screen's _entry, _appendix, _form, _ask, _changed,
_reference, refresh_pane and run_store.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from textual import work
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from store.errors import ClerkError
from tui.screens import agenda_forms as forms


class AgendaDocumentVerbs:
    def action_document_attach(self) -> None:
        if (entry := self._entry()) is None:
            return
        documents = self.app.store.documents
        self._form(f"Attach a report to item {entry.number}", forms.attach_fields(),
                   lambda v: documents.attach(entry.item.id, v["path"].strip(), v["title"].strip() or None),
                   lambda d: f"'{d.title}' attached: {self._reference(d)}.", True, notify_errors=True)

    def action_document_follow(self) -> None:
        if (entry := self._entry()) is None:
            return
        documents = self.app.store.documents
        self._form(f"A report to follow for item {entry.number}", forms.follow_fields(),
                   lambda v: documents.add_to_follow(entry.item.id, v["title"]),
                   lambda d: f"'{d.title}' to follow: {self._reference(d)}.", True)

    def action_document_replace(self) -> None:
        if (appendix := self._appendix()) is None:
            return
        documents = self.app.store.documents
        self._form(f"Replace Appendix {appendix.label}", forms.replace_fields(appendix.document.title),
                   lambda v: documents.replace(appendix.document.id, v["path"].strip()),
                   lambda d: f"Replaced: {self._reference(d)}.", True, notify_errors=True)

    def action_document_label(self) -> None:
        if (appendix := self._appendix()) is None:
            return
        documents = self.app.store.documents
        self._form(f"Label of '{appendix.document.title}'", forms.label_fields(appendix.document.appendix_label),
                   lambda v: documents.set_label(appendix.document.id, v["label"] or None),
                   lambda d: f"Now {self._reference(d)}.", True)

    def action_document_rename(self) -> None:
        if (appendix := self._appendix()) is None:
            return
        documents = self.app.store.documents
        self._form(f"Rename Appendix {appendix.label}", forms.rename_fields(appendix.document.title),
                   lambda v: documents.rename(appendix.document.id, v["title"]), "Renamed.", True)

    def action_document_remove(self) -> None:
        if (appendix := self._appendix()) is None:
            return
        document = appendix.document

        def remove() -> None:
            if self.run_store(lambda: self.app.store.documents.remove(document.id) or True):
                self.refresh_pane(select=document.agenda_item_id)
                self.notify(f"'{document.title}' removed; the letters and pages that follow close up.")

        self._ask(f"Take Appendix {appendix.label}, '{document.title}', off the item?", "Remove", remove)

    def action_document_move(self, delta: int) -> None:
        if (appendix := self._appendix()) is not None:
            moved = self.run_store(self.app.store.documents.move, appendix.document.id, delta)
            self._changed(moved or appendix.document, None, document=True)

    # export -------------------------------------------------------------------------------
    def action_export(self) -> None:
        if (meeting := self._meeting) is None:
            return

        def chosen(request: forms.ExportRequest | None) -> None:
            if request is not None:
                self._exporting = request
                progress = self.query_one("#agenda-progress", Static)
                progress.display = True
                progress.update(f"Exporting the {request.description} to {request.path}…")
                self.export(request, meeting.id, self.app.store.path)

        self.app.push_screen(forms.ExportDialog(meeting.date), chosen)

    @work(thread=True, exclusive=True, group="agenda-export", name="agenda-export", exit_on_error=False)
    def export(self, request: forms.ExportRequest, meeting_id: int, db_path: Path) -> forms.ExportRequest:
        from store import Store

        store = Store(db_path)
        try:
            data = forms.render_export(store, meeting_id, request, partial(self.app.call_from_thread, self._progress))
        finally:
            store.close()
        request.path.write_bytes(data)
        return request

    def _progress(self, done: int, total: int, label: str) -> None:
        if self._exporting is not None:
            self.query_one("#agenda-progress", Static).update(
                f"Exporting the {self._exporting.description}: {label}, {done} of {total}…")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "agenda-export" or event.state not in (
                WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED):
            return
        self.query_one("#agenda-progress", Static).display = False
        request, self._exporting = self._exporting, None
        if event.state == WorkerState.SUCCESS:
            done = event.worker.result
            self.notify(f"The {done.description} is written to {done.path}.", title="Exported", markup=False)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, ClerkError):
                message = str(error)
            elif isinstance(error, OSError) and request is not None:
                message = f"{request.path} could not be written: {error.strerror or error}."
            else:
                message = f"The export failed: {error}"
            self.notify(message, title="Not exported", severity="error", markup=False)
