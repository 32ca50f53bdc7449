"""Rule-based extraction of status, schedule and meeting facts.

Posts are processed oldest first and every rule sees only the post at hand
plus a Context of what earlier posts established (no spoilers by
construction).  Each module holds small named rules, testable alone:
  status.py    delegation status (arrived, left, waiting, announced, ...)
  schedule.py  schedule cues (planned, rescheduled, started, ...)
  meetings.py  meetings and calls, their identity and participants
"""

from tui.core.extract.run import Extraction, Extractor, PostFacts, extract

__all__ = ["Extraction", "Extractor", "PostFacts", "extract"]
