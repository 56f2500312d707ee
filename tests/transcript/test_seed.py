"""The kit's own briefing: the exact turns, exchanges, numbers, dates, quotes, hedges and quirks."""

from __future__ import annotations

import re

from casebook.paths import data_dir
from casebook.transcript import Sentence, parse
from tests.transcript.helpers import seed

M, B, Q = "MODERATOR", "AMBASSADOR CARPENTER", "QUESTION"
SPEAKERS = [M, B, M, M, Q, B, M, Q, B, M, B, M, B, M, B, M, B, M, B, M]
ROLE = {M: "moderator", B: "briefer", Q: "questioner"}


def test_speakers_and_roles_in_order() -> None:
    turns = seed().turns
    assert [t.speaker for t in turns] == SPEAKERS
    assert [t.role for t in turns] == [ROLE[s] for s in SPEAKERS]
    assert [t.index for t in turns] == list(range(len(SPEAKERS)))


def test_turn_offsets_point_into_the_original_bytes() -> None:
    t = seed()
    raw = (data_dir() / "briefing" / "transcript.txt").read_bytes().decode("utf-8")
    assert t.source == raw
    for turn in t.turns:
        assert raw[turn.start : turn.end] == turn.text
        assert raw[turn.label_start : turn.start].split(":")[0].strip().upper() == turn.speaker
    assert t.turns[0].plain.startswith("Good afternoon from the State Department’s Brussels Media Hub.")
    assert t.turns[-1].plain.endswith("This ends today’s session.")


def test_boilerplate_is_metadata_not_turn_text() -> None:
    t = seed()
    meta = t.metadata
    assert "Official websites use .gov" in meta.banner
    assert len(meta.summary) == 1 and meta.summary[0].startswith(
        "Ambassador Michael Carpenter, U.S. Permanent"
    )
    assert meta.end_mark == "# # #"
    assert meta.footer == ("U.S. Department of State",)
    assert meta.related == ("The Lessons of 1989: Freedom and Our Future",)
    body = " ".join(turn.text for turn in t.turns)
    for boilerplate in (".gov website", "# # #", "Department of State\n", "Lessons of 1989", "•"):
        assert boilerplate not in body


def test_six_questions_with_questioners_outlets_and_modes() -> None:
    exchanges = seed().exchanges()
    assert [(e.questioner, e.outlet, e.mode) for e in exchanges] == [
        ("Marina Jakubowskaja", None, "live"),
        ("Alex Raufoglu", None, "live"),
        ("Panyi Szabolcs", "Direkt36 in Hungary", "submitted"),
        ("Maksim Hacak", "Belsat", "submitted"),
        ("Milos Rudovic", None, "submitted"),
        ("Kristinia Zeleniuk", "a Ukrainian station", "submitted"),
    ]


def test_exchanges_point_at_the_right_turns() -> None:
    exchanges = seed().exchanges()
    # turn numbers, counting from 1
    assert [e.question_turns for e in exchanges] == [(5,), (8,), (10,), (12,), (14,), (16,)]
    assert [e.answer_turns for e in exchanges] == [(6,), (9,), (11,), (13,), (15,), (17, 19)]
    assert [e.announced_in for e in exchanges] == [3, 7, 10, 12, 14, 16]
    # "can you hear us?" and "Yes, please go ahead." lead into the first question; "are you still there?"
    # interrupts the last answer.
    assert exchanges[0].moderator_turns == (3, 4)
    assert exchanges[5].moderator_turns == (18,)
    assert seed().turn(exchanges[5].moderator_turns[0]).role == "moderator"


def test_submitted_questions_are_the_quoted_words() -> None:
    exchanges = seed().exchanges()
    assert exchanges[3].question == (
        "Why did it take so long after 2020 to launch the Moscow Mechanism? The Lukashenka regime has "
        "already stated that they will ignore the report and all the recommendations. Will there be any "
        "sanctions or restrictions in response?"
    )
    assert exchanges[4].question.startswith(
        "Montenegro will hold early parliamentarian elections on June 11th."
    )
    assert exchanges[0].question.startswith("Yes, uh-huh, thank you.")
    assert "He asks" not in exchanges[3].question


def test_numbers_in_order_with_values_and_qualifiers() -> None:
    found = [(n.text, n.kind, n.value, n.upper, n.qualifier, n.turn) for n in seed().numbers()]
    assert found == [
        ("1,486", "count", 1486, None, "at least", 2),
        ("hundreds of thousands", "approximate", None, None, None, 2),
        ("three", "count", 3, None, None, 2),
        ("from eight to 20", "range", 8, 20, None, 2),
        ("38", "count", 38, None, None, 9),
        ("thousands", "approximate", None, None, None, 10),
        ("hundreds of thousands", "approximate", None, None, None, 13),
        ("37", "count", 37, None, None, 13),
    ]


def test_number_context_is_its_sentence() -> None:
    first = seed().numbers()[0]
    assert first.context == "There are currently at least 1,486 political prisoners in Belarus."
    assert (first.turn, first.sentence) == (2, 4)  # the ambassador's fourth sentence, counted from 1
    assert seed().passage(first.turn, first.sentence) == first.context
    assert seed().source[first.start : first.end] == "1,486"


def test_dates_found() -> None:
    dates = seed().dates()
    calendar = [(d.text, d.kind, d.year, d.month, d.day) for d in dates if d.kind != "relative"]
    assert calendar == [
        ("August 2020", "month", 2020, 8, None),
        ("May 24th, 2021", "date", 2021, 5, 24),
        ("2021", "year", 2021, None, None),
        ("2020", "year", 2020, None, None),
        ("2020", "year", 2020, None, None),
        ("June 11th", "day", None, 6, 11),
        ("2016", "year", 2016, None, None),
    ]
    relative = {d.text.lower() for d in dates if d.kind == "relative"}
    assert {"today", "earlier this week", "last week"} <= relative


def test_quotations_by_kind() -> None:
    quotes = [(q.kind, q.text[:20], q.turn) for q in seed().quotes()]
    assert quotes == [
        ("marks", "constitutional refor", 2),
        ("quote-unquote", "socially useful work", 2),
        ("spoken", "shall exclude acts o", 2),
        ("marks", "Hungary’s government", 10),
        ("marks", "Why did it take so l", 12),
        ("marks", "The Lukashenka regim", 12),
        ("marks", "Montenegro will hold", 14),
        ("marks", "How do you – what do", 16),
    ]
    spoken = seed().quotes()[2]
    assert spoken.text == "shall exclude acts of military aggression against other States from its territory"


def test_hedges_and_attribution_markers() -> None:
    markers = {(m.text.lower(), m.kind) for m in seed().hedges()}
    assert {
        ("anecdotal reporting suggests", "attribution"),
        ("reportedly", "attribution"),
        ("appears", "hedge"),
        ("allegedly", "attribution"),
        ("we believe", "hedge"),
        ("so-called", "distancing"),
        ("quote/unquote", "distancing"),
        ("the report notes", "attribution"),
    } <= markers
    # "May" in "May 24th, 2021" is a date, not the verb.
    assert not [m for m in seed().hedges() if m.text == "May"]
    assert {m.kind for m in seed().hedges("distancing")} == {"distancing"}


def test_quirks_of_the_seed_are_reported() -> None:
    quirks = seed().quirks()
    kinds = [q.kind for q in quirks]
    assert kinds.count("gap") == 3
    repeated = [q for q in quirks if q.kind == "repeated-speaker"]
    assert [q.turn for q in repeated] == [4]
    assert repeated[0].message.startswith("Turn 4 (MODERATOR: \u201cYes, please go ahead.\u201d)")
    trailing = [q for q in quirks if q.kind == "trailing-line"]
    assert len(trailing) == 1 and "The Lessons of 1989: Freedom and Our Future" in trailing[0].message
    gaps = [seed().source[q.start : q.end] for q in quirks if q.kind == "gap"]
    assert gaps == ["(inaudible)", "(inaudible)", "(Inaudible)"]
    missing = [q for q in quirks if q.kind == "missing-text"]
    assert [q.turn for q in missing] == [20]
    assert "undated" in kinds


def test_annotations_stay_in_the_text() -> None:
    turns = seed().turns
    assert [a.text for a in turns[16].annotations] == ["(inaudible)", "(inaudible)"]
    assert turns[18].text.startswith("(Inaudible) expect this.")
    assert all(seed().source[a.start : a.end] == a.text for t in turns for a in t.annotations)


def test_sentences_are_addressable_by_turn_and_sentence_numbers_from_1() -> None:
    t = seed()
    assert t.turns[1].sentences[3] == "There are currently at least 1,486 political prisoners in Belarus."
    assert t.passage(2, 4) == t.turns[1].sentences[3]  # turn 2, sentence 4: list positions 1 and 3
    assert t.sentence(2, 4) == Sentence(2, 4, t.passage(2, 4), *t.turns[1].sentence_spans[3])
    assert t.passage(4) == "Yes, please go ahead."
    assert t.turn(1).number == 1 and t.turn(1) == t.turns[0]
    everything = t.sentences()
    assert len(everything) == sum(len(turn.sentences) for turn in t.turns)
    assert [(s.turn, s.number) for s in everything][:3] == [(1, 1), (1, 2), (1, 3)]
    assert (everything[-1].turn, everything[-1].number) == (20, len(t.turns[19].sentences))
    for s in everything:
        assert re.sub(r"\s+", " ", t.source[s.start : s.end]).strip() == s.text


def test_titles_and_initials_do_not_split_sentences() -> None:
    sentences = seed().sentences()
    texts = [s.text for s in sentences]
    assert (
        "Today in the OSCE’s Permanent Council we were briefed on the Moscow Mechanism report prepared by "
        "Rapporteur Dr. Hervé Ascensio on the accelerating decline of human rights and fundamental freedoms "
        "in Belarus." in texts
    )
    assert "Hello, Mr. Carpenter." in texts
    assert not [s for s in texts if s in ("Dr.", "Mr.", "U.S.")]


def test_stats() -> None:
    stats = seed().stats()
    assert stats.turns == 20
    assert stats.questions == 6 and stats.live_questions == 2 and stats.submitted_questions == 4
    assert [s.speaker for s in stats.speakers] == [M, B, Q]
    assert [s.turns for s in stats.speakers] == [10, 8, 2]
    assert sum(stats.words_per_turn) == stats.words == sum(stats.words_by_speaker.values())
    assert (
        stats.words_by_role["briefer"] > stats.words_by_role["moderator"] > stats.words_by_role["questioner"]
    )
    assert stats.words_by_role["operator"] == 0
    assert stats.words_per_turn[3] == 4  # "Yes, please go ahead."
    assert stats.words_per_turn[18] == 23  # 24 words, less "(Inaudible)": notes are not counted
    assert len(stats.answer_words) == 6
    assert stats.answer_words[5] == stats.words_per_turn[16] + stats.words_per_turn[18]
    assert abs(sum(s.share for s in stats.speakers) - 1) < 1e-9


def test_kwic() -> None:
    lines = seed().kwic("accountab*", width=30)
    assert len(lines) >= 5
    assert {line.match.lower() for line in lines} == {"accountable", "accountability"}
    first = lines[0]
    assert seed().source[first.start : first.end] == first.match
    assert len(first.left) <= 30 and len(first.right) <= 30
    assert str(first).endswith(first.right)
    assert [line.turn for line in seed().kwic("Moscow Mechanism")][:1] == [2]
    assert first.match in seed().passage(first.turn, first.sentence)  # its place, counted from 1
    assert seed().kwic("   ") == []


def test_kwic_sentences_give_each_sentence_that_says_the_word_whole_and_once() -> None:
    briefing = seed()
    lines = briefing.kwic("accountab*")
    found = briefing.kwic_sentences("accountab*")
    places = [(line.turn, line.sentence) for line in lines]
    assert [(s.turn, s.sentence) for s in found] == list(dict.fromkeys(places))
    assert len(found) < len(lines), "the briefing says the word twice in one sentence at least once"
    for sentence in found:
        assert sentence.text == briefing.passage(sentence.turn, sentence.sentence)
        assert sentence.speaker == briefing.turn(sentence.turn).speaker
    assert briefing.kwic_sentences("   ") == []


def test_kwic_sentences_read_as_a_table_with_the_place_and_the_whole_sentence() -> None:
    from casebook import tables

    shown = tables.table(seed().kwic_sentences("expel"), caption="expel")
    assert shown.headers == ("turn", "sentence", "speaker", "text")
    [row] = shown.rows
    assert row[3].startswith("That being said, it is clear that there is no mechanism in the OSCE to expel")


def test_parse_is_deterministic() -> None:
    again = parse(seed().source)
    assert [t.sentences for t in again.turns] == [t.sentences for t in seed().turns]
