"""Writers for everything that leaves the app: JSON, Markdown (and PDF)."""

from store.exports.meeting_json import meeting_as_dict, meeting_as_json

__all__ = ["meeting_as_dict", "meeting_as_json"]
