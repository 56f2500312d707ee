"""Writing a new case folder, all or nothing: everything goes into a hidden folder beside the target,
which is renamed into place only when every file is written (a failure leaves nothing behind)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from casebook.case import metadata as case_metadata
from casebook.case.claims import SCHEMA as CLAIMS_SCHEMA
from casebook.case.claims import claims_csv
from casebook.case.notebook import explorer_notebook
from casebook.case.quiz import starter_quiz
from casebook.case.reading import CaseError, read_briefing
from casebook.files import UnreadableFile, write_atomic

__all__ = ["CaseError", "new_case"]

_NOT_NAME = re.compile(r"[^a-z0-9_-]+")
PUBLIC_DOMAIN = {
    "name": "public-domain",
    "title": "Public domain if a work of the U.S. government (17 U.S.C. 105); check the page it came from",
}

README = """# Case: {title}

Made by `casebook case new` from `{made_from}`. Everything here is yours to edit.

- `explore.ipynb`: open it in JupyterLab and run it from the top. It reads this briefing the way lesson 01
  reads the kit's own: structure, speakers, exchanges, flaws and gaps, keywords, numbers, hedges, quotes.
- `data/case.json`: the date, place and people. What the page did not give says "unknown": fill it in,
  and add the page's address as `source_url`.
- `data/claims.csv`: claims of the briefing to check. Fill in `verdict` (V, B or U) and `sources`.
- `data/quizzes/{name}.yaml`: a starter quiz. Edit the prompts and feedback (see the kit's
  `data/quizzes/README.md`); `casebook transcript data/transcript.txt --sentences` numbers the sentences
  that `ref: {{turn: T, sentence: S}}` points at.
- `data/transcript.txt`: the briefing as given. Do not edit it: its sha256 is recorded.

After editing, check the case with:

    casebook validate {name}/data {name}/data/quizzes/{name}.yaml

and, after changing `case.json` or `claims.csv` on purpose, record their new checksums with
`casebook data-hash {name}/data`.
"""


def case_name(path: Path, name: str | None) -> str:
    """The case's folder name: ``name`` or the file's stem, in lower case, letters, digits, - and _."""
    raw = name if name is not None else path.stem
    slug = _NOT_NAME.sub("-", raw.strip().lower()).strip("-_")
    if not slug:
        raise CaseError(f"{raw!r}: a case name needs letters or digits (try --name may-2023)")
    return slug[:60]


def _resource(name: str, path: str, data: bytes, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        **extra,
        "licenses": [PUBLIC_DOMAIN] if name == "transcript" else [{"name": "CC-BY-4.0"}],
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
    }


def _files(briefing_data: bytes, transcript: Any, name: str, made_from: str) -> dict[str, bytes]:
    meta = case_metadata.case_metadata(transcript, briefing_data, name, made_from)
    title = meta["title"]
    meta_bytes = (json.dumps(meta, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    schema_bytes = (json.dumps(case_metadata.SCHEMA, indent=2) + "\n").encode("utf-8")
    claims_bytes = claims_csv(transcript).encode("utf-8")
    quiz = starter_quiz(transcript, name, title)
    quiz_bytes = yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False, width=110).encode("utf-8")
    text = {"format": "txt", "mediatype": "text/plain", "encoding": "utf-8", "casebook:frozen": True}
    json_format = {"format": "json", "mediatype": "application/json", "encoding": "utf-8"}
    resources = [
        _resource("transcript", "transcript.txt", briefing_data, title="The briefing, as given", **text),
        _resource(
            "case_metadata",
            "case.json",
            meta_bytes,
            title="Date, place and people",
            **json_format,
            **{"casebook:jsonSchema": "case.schema.json"},
        ),
        _resource("case_metadata_schema", "case.schema.json", schema_bytes, type="json", **json_format),
        _resource(
            "claims",
            "claims.csv",
            claims_bytes,
            profile="tabular-data-resource",
            format="csv",
            mediatype="text/csv",
            encoding="utf-8",
            title="Claims to check",
            schema=CLAIMS_SCHEMA,
        ),
    ]
    package = {
        "profile": "data-package",
        "name": name.replace("_", "-"),
        "title": f"Case: {title}",
        "resources": resources,
    }
    readme = README.format(title=title, made_from=made_from, name=name)
    return {
        "README.md": readme.encode("utf-8"),
        "explore.ipynb": explorer_notebook(title).encode("utf-8"),
        "data/datapackage.json": (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        "data/transcript.txt": briefing_data,
        "data/case.json": meta_bytes,
        "data/case.schema.json": schema_bytes,
        "data/claims.csv": claims_bytes,
        f"data/quizzes/{name}.yaml": quiz_bytes,
    }


def _make_readable(folder: Path) -> None:
    """Give the folder and its files the usual permissions (temporary files are private to the writer)."""
    mask = os.umask(0)
    os.umask(mask)
    for path in [folder, *folder.rglob("*")]:
        path.chmod((0o777 if path.is_dir() else 0o666) & ~mask)


def new_case(path: str | Path, name: str | None = None, out: str | Path = ".") -> Path:
    """Turn the briefing in ``path`` into a case folder ``out/NAME``; returns the folder.

    Raises CaseError (one line naming the file and what is missing) for a file that is not a briefing,
    a name that is taken, or a place that cannot be written; then nothing is written.
    """
    source = Path(path)
    briefing = read_briefing(source)
    slug = case_name(source, name)
    parent = Path(out)
    target = parent / slug
    if target.exists():
        raise CaseError(
            f"{target}: already exists; choose another --name or move it away; nothing was written"
        )
    files = _files(briefing.data, briefing.transcript, slug, source.name)
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{slug}.", dir=parent))
    except OSError as error:
        raise CaseError(
            f"{parent}: cannot be written ({error.strerror or error}); nothing was written"
        ) from None
    try:
        for relative, data in files.items():
            write_atomic(staging / relative, data)
        _make_readable(staging)
        os.rename(staging, target)
    except (OSError, UnreadableFile) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise CaseError(f"{target}: cannot be written ({error}); nothing was written") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
