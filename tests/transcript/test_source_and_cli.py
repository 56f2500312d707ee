"""Reading files (bad input gets a clear message naming the file) and the `casebook transcript` command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.cli import main
from casebook.transcript import TranscriptFileError, parse, read_text
from casebook.transcript.report import transcript_command
from tests.transcript.helpers import FIXTURES, seed

CLI = [sys.executable, "-m", "casebook", "transcript"]


def test_read_text_decodes_utf8_bom_utf16_and_windows_1252(tmp_path: Path) -> None:
    text = "MODERATOR: It’s “on”.\r\n"
    for encoding, data in (
        ("utf-8-sig", text.encode("utf-8-sig")),
        ("utf-16", text.encode("utf-16")),
        ("cp1252", text.encode("cp1252")),
    ):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(data)
        assert read_text(path) == text, encoding


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.7\n\x00\x01\x02binary stream", "is a binary file"),
        (bytes(range(256)) * 4, "is a binary file"),
        (b"\x81\x8d\x8f\x90\x9d not text", "is neither UTF-8 nor Windows-1252"),
    ],
)
def test_read_text_refuses_binary_files_by_name(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "briefing.pdf"
    path.write_bytes(content)
    with pytest.raises(TranscriptFileError) as error:
        read_text(path)
    assert str(error.value).startswith(f"{path}: ") and message in str(error.value)


def test_read_text_missing_folder_and_too_large(tmp_path: Path) -> None:
    with pytest.raises(TranscriptFileError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(TranscriptFileError, match="is a folder"):
        read_text(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("MODERATOR: hello. " * 100)
    with pytest.raises(TranscriptFileError, match="more than the"):
        read_text(big, max_bytes=1000)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert read_text(empty) == ""
    assert parse("").turns == []


def test_parse_refuses_bytes_with_a_clear_message() -> None:
    with pytest.raises(TypeError, match="not bytes: decode it first"):
        parse(b"MODERATOR: hi")  # type: ignore[arg-type]


def test_lookups_outside_the_transcript_say_what_exists() -> None:
    t = seed()
    with pytest.raises(LookupError, match=r"^there is no turn 99: this transcript has 20 turns \(1-20\)$"):
        t.passage(99)
    with pytest.raises(LookupError, match=r"^there is no sentence 5: turn 4 has 1 sentence \(sentence 1\)$"):
        t.sentence(4, 5)
    with pytest.raises(ValueError, match="width must be a whole number"):
        t.kwic("OSCE", width=-1)


def test_turns_and_sentences_count_from_1_first_and_last() -> None:
    t = seed()
    assert t.turn(1) == t.turns[0] and t.turn(1).number == 1
    assert t.turn(20) == t.turns[19] and t.turn(20).number == 20
    assert t.sentence(1, 1).text == t.turns[0].sentences[0] == t.passage(1, 1)
    last = len(t.turns[19].sentences)
    assert t.passage(20, last) == t.turns[19].sentences[-1]
    assert (t.sentence(20, last).turn, t.sentence(20, last).number) == (20, last)
    assert t.passage(2) == t.turns[1].plain


@pytest.mark.parametrize(
    ("number", "error", "message"),
    [
        (0, LookupError, "there is no turn 0: turns count from 1; this transcript has 20 turns (1-20)"),
        (-1, LookupError, "there is no turn -1: turns count from 1; this transcript has 20 turns (1-20)"),
        (21, LookupError, "there is no turn 21: this transcript has 20 turns (1-20)"),
        (1.5, ValueError, "turn numbers are whole numbers counting from 1 (such as 1 or 12), not 1.5"),
        (True, ValueError, "turn numbers are whole numbers counting from 1 (such as 1 or 12), not True"),
        ("2", ValueError, "turn numbers are whole numbers counting from 1 (such as 1 or 12), not '2'"),
    ],
)
def test_a_turn_that_does_not_exist_gets_one_plain_line(number: object, error: type, message: str) -> None:
    t = seed()
    for lookup in (t.turn, t.passage, lambda n: t.sentence(n, 1), lambda n: t.passage(n, 1)):
        with pytest.raises(error) as caught:
            lookup(number)
        assert str(caught.value) == message


@pytest.mark.parametrize(
    ("number", "error", "message"),
    [
        (0, LookupError, "there is no sentence 0: sentences count from 1; turn 2 has 34 sentences (1-34)"),
        (-3, LookupError, "there is no sentence -3: sentences count from 1; turn 2 has 34 sentences (1-34)"),
        (35, LookupError, "there is no sentence 35: turn 2 has 34 sentences (1-34)"),
        (2.5, ValueError, "sentence numbers are whole numbers counting from 1 (such as 1 or 12), not 2.5"),
    ],
)
def test_a_sentence_that_does_not_exist_gets_one_plain_line(
    number: object, error: type, message: str
) -> None:
    t = seed()
    assert len(t.turns[1].sentences) == 34
    for lookup in (t.sentence, t.passage):
        with pytest.raises(error) as caught:
            lookup(2, number)
        assert str(caught.value) == message


def test_an_empty_transcript_has_no_turn_1() -> None:
    with pytest.raises(LookupError, match="^there is no turn 1: this transcript has no turns$"):
        parse("").turn(1)


def test_cli_prints_a_table_of_turns(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcript"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["turn", "speaker", "role", "words", "first", "words"]
    assert lines[2].split()[:4] == ["1", "MODERATOR", "moderator", str(seed().turns[0].words)]
    assert lines[3].split()[:5] == ["2", "AMBASSADOR", "CARPENTER", "briefer", str(seed().turns[1].words)]
    assert lines[21].split()[0] == "20"  # the last turn: numbers count from 1
    assert "20 turns, 3 speakers" in out and "6 questions (2 live, 4 submitted)" in out
    assert max(len(line) for line in lines[:22]) <= 110


def test_cli_json_lists_every_turn(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcript", str(FIXTURES / "daily_press_mr_ms.txt"), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["speaker"] for r in records] == [
        t.speaker for t in parse(read_text(FIXTURES / "daily_press_mr_ms.txt")).turns
    ]
    assert {"index", "number", "speaker", "role", "text", "start", "end", "sentences"} <= set(records[0])
    assert records[0]["index"] == 0 and records[0]["number"] == 1 and records[0]["role"] == "briefer"
    assert (
        [r["number"] for r in records]
        == [r["index"] + 1 for r in records]
        == list(range(1, len(records) + 1))
    )


def test_cli_sentences_give_quiz_references(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcript", "--sentences", "--turn", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("turn 2  AMBASSADOR CARPENTER (briefer)\n  2.1  ")
    assert "  2.4  There are currently at least 1,486 political prisoners in Belarus." in out
    assert seed().passage(2, 4) == "There are currently at least 1,486 political prisoners in Belarus."
    assert "turn 1 " not in out and "turn 3 " not in out and "  2.0  " not in out


def test_cli_quirks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcript", "--quirks"]) == 0
    out = capsys.readouterr().out
    assert "[repeated-speaker] Turn 4 (MODERATOR" in out
    assert out.count("[gap]") == 3
    assert out.rstrip().endswith("7 quirks.")


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b"", 1, "is empty, so there are no turns"),
        (b"  \n\n ", 1, "is empty"),
        (b"Just prose. My question is: none.", 1, "has no speaker labels"),
        (b"\x00\x01\x02\x03", 2, "is a binary file"),
    ],
)
def test_cli_bad_files_give_one_message_and_an_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, code: int, message: str
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    assert main(["transcript", str(path)]) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().startswith(str(path)) and message in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert main(["transcript", str(path), "--json"]) == code
    if code == 1:
        assert json.loads(capsys.readouterr().out) == []


def test_cli_missing_file_and_missing_turn(tmp_path: Path) -> None:
    result = transcript_command(tmp_path / "nope.txt")
    assert (result.code, result.out) == (2, "") and "no such file" in result.err
    result = transcript_command(FIXTURES / "flattened.txt", turn=7)
    assert result.code == 2 and "there is no turn 7: this transcript has 6 turns (1-6)" in result.err
    assert transcript_command(FIXTURES / "flattened.txt", turn=6).code == 0  # the last turn
    assert transcript_command(FIXTURES / "flattened.txt", turn="1").code == 0  # the first, as typed


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "--turn 0: there is no turn 0: turns count from 1; this transcript has 20 turns (1-20)."),
        ("-2", "--turn -2: there is no turn -2: turns count from 1; this transcript has 20 turns (1-20)."),
        ("21", "--turn 21: there is no turn 21: this transcript has 20 turns (1-20)."),
        ("1.5", "--turn 1.5: turn numbers are whole numbers counting from 1 (such as 1 or 12), not '1.5'."),
        ("two", "--turn two: turn numbers are whole numbers counting from 1 (such as 1 or 12), not 'two'."),
    ],
)
def test_cli_turn_that_does_not_exist_is_one_plain_line(
    capsys: pytest.CaptureFixture[str], typed: str, message: str
) -> None:
    assert main(["transcript", f"--turn={typed}"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().endswith(message)
    assert len(captured.err.strip().splitlines()) == 1 and "Traceback" not in captured.err


def test_cli_turn_1_and_20_are_the_first_and_the_last(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["transcript", "--turn", "1"]) == 0
    first = capsys.readouterr().out.splitlines()
    assert first[2].split()[:2] == ["1", "MODERATOR"] and len(first[2:-2]) == 1
    assert main(["transcript", "--turn", "20", "--json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert (record["index"], record["number"]) == (19, 20) and record == seed().turns[19].to_dict()


def test_cli_in_a_subprocess_with_windows_line_endings_never_shows_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes((FIXTURES / "teleconference_upper.txt").read_bytes().replace(b"\n", b"\r\n"))
    result = subprocess.run([*CLI, str(path), "--json"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert [r["speaker"] for r in json.loads(result.stdout)][:3] == [
        "OPERATOR",
        "MODERATOR",
        "SENIOR STATE DEPARTMENT OFFICIAL",
    ]
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = subprocess.run([*CLI, str(binary)], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr and "binary file" in result.stderr


def test_parsing_imports_nothing_heavy() -> None:
    code = (
        "import sys; from casebook.transcript import load_briefing; t = load_briefing(); "
        "t.numbers(); t.hedges(); t.exchanges(); t.quirks(); "
        "heavy = ('matplotlib', 'pandas', 'frictionless', 'ipywidgets', 'jsonschema'); "
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_summary_line_writes_one_of_a_kind_in_the_singular() -> None:
    from casebook.transcript.report import summary_line

    line = summary_line(parse("QUESTION: Is the mechanism used often?\n"))
    assert line.startswith("1 turn, 1 speaker, 5 words; 1 question (1 live, 0 submitted); ")
    assert "1 questions" not in line and "1 turns" not in line


def test_transcript_on_a_fifo_stops_at_once_with_one_line(tmp_path: Path) -> None:
    """Issue 20, class 7: a FIFO named like a transcript used to block the command forever."""
    import os

    fifo = tmp_path / "briefing.txt"
    os.mkfifo(fifo)
    run = subprocess.run([*CLI, str(fifo)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip() == f"{fifo}: is a named pipe (FIFO), not a regular file; it was not read"
    assert "Traceback" not in run.stderr


def test_transcript_on_a_link_to_dev_zero_stops_at_once_with_one_line(tmp_path: Path) -> None:
    """Issue 20, class 7: a link to /dev/zero passed the size check (0 bytes) and then never ended."""
    link = tmp_path / "briefing.txt"
    link.symlink_to("/dev/zero")
    run = subprocess.run([*CLI, str(link)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert run.stderr.strip() == f"{link}: is a device, not a regular file; it was not read"
    with pytest.raises(TranscriptFileError, match="is a device"):
        read_text(link)
