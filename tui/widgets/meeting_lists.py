"""The Meetings pane's list: the screen (tui/screens/meetings.py) works out each row's cells."""

from __future__ import annotations

from tui.widgets.record_list import RecordList


class MeetingList(RecordList):
    """The committee's meetings of one municipal year, the one every pane follows marked ▶.
    Columns as wide as their widest cell; on a narrow terminal the place (shown in full in the
    detail below) and the agenda-setting day give way first, so the date and status stay whole."""

    COLUMNS = (("", None), ("Date", None), ("Time", None), ("Place", None), ("Status", None),
               ("Publish by", None), ("Agenda setting", None))
    GIVE_WAY_FIRST = ("Place", "Agenda setting")

    def _narrow(self, widths: list[int], room: int) -> None:
        labels = [label for label, _ in self.COLUMNS]
        for label in self.GIVE_WAY_FIRST:
            index = labels.index(label)
            widths[index] = max(self.NARROWEST, widths[index] - max(0, sum(widths) - room))
        super()._narrow(widths, room)
