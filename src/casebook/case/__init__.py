"""A teacher's own briefing as a ready case: ``casebook case new FILE [--name NAME]``.

    from casebook import case
    case.new_case("briefing.txt", name="may-22")   # writes ./may-22/ (the command does the same)
    briefing = case.load_transcript()              # in the case's explorer notebook: its transcript
    about = case.load_metadata()                   # date, place, people: found or "unknown"

The folder it writes belongs to the teacher:

- ``explore.ipynb``: what lesson 01 does, run on this briefing (structure, speakers, exchanges, flaws
  and gaps, keyword in context, numbers, hedges, quotes), and the starter quiz;
- ``data/transcript.txt``: the file as given, byte for byte (its sha256 is in ``data/case.json`` and
  ``data/datapackage.json``);
- ``data/case.json``: date, place, people and source, filled from what the text gives, the rest
  "unknown" to fill in (checked against ``data/case.schema.json``);
- ``data/claims.csv``: a claims worksheet (claim, where, verdict to fill in, sources);
- ``data/quizzes/<name>.yaml``: a starter quiz of evidence questions on real sentences of the briefing;
- ``README.md``: what to do next.

``casebook validate NAME/data NAME/data/quizzes/NAME.yaml`` checks all of it. Parts, one job each:
``reading`` (the file, refused with one line if it is not a briefing), ``metadata``, ``quiz``,
``claims``, ``notebook``, ``folder`` (writing everything, all or nothing).
"""

from __future__ import annotations

from pathlib import Path

from casebook.case.loading import CaseError, load_claims, load_metadata, load_transcript, quiz_path

__all__ = ["CaseError", "load_claims", "load_metadata", "load_transcript", "new_case", "quiz_path"]


def new_case(path: str | Path, name: str | None = None, out: str | Path = ".") -> Path:
    """Turn the briefing in ``path`` into a case folder ``out/NAME`` (see ``casebook.case.folder``)."""
    from casebook.case.folder import new_case as write_case  # nbformat and yaml, only when writing

    return write_case(path, name, out)
