"""The case's explorer notebook: lesson 01's reading of a briefing, run on the new one.

Prose first, in plain words; every code cell calls the package and defines nothing of its own. The
notebook finds its case from its own folder (``casebook.case.load_transcript()``), so it runs in place.
"""

from __future__ import annotations

import nbformat

CELLS: list[tuple[str, str]] = [
    ("markdown", "# Explore the briefing: {title}\n\n"
     "This notebook reads the briefing of this case the way lesson 01 reads the kit's own briefing. "
     "Run it from the top. Each step shows one thing: who speaks, what was asked, what is missing, and "
     "which words to check. Every claim in a briefing is a claim to check, never a fact."),
    ("code", "from casebook import case, plots, tables\nfrom casebook.quiz import show_quiz\n\n"
     "briefing = case.load_transcript()\nabout = case.load_metadata()\nbriefing"),
    ("markdown", "## What the page tells us\n\nThe date, the place and the people come from the page "
     "around the transcript. Anything marked *unknown* was not on the page: find it in another source "
     "and write it into `data/case.json`."),
    ("code", 'print("Date:", about["date"]["value"], "|", about["date"]["found_in"])\n'
     'print("Place:", about["place"]["value"], "|", about["place"]["found_in"])\n'
     'tables.table(about["people"], caption="The people, as the transcript labels them")'),
    ("markdown", "## Structure: who speaks, and for how long\n\nA turn is one speaker's words until "
     "the next label. Count the turns and the words of each speaker."),
    ("code", "stats = briefing.stats()\n"
     'print(f"{stats.turns} turns, {stats.words} words, {stats.questions} questions from journalists")\n'
     'tables.table(stats.speakers, ["speaker", "role", "turns", "words"], caption="Who speaks, by label")'),
    ("code", "share = plots.words_per_speaker(briefing.turns)\nshare"),
    ("code", "print(share.alt)"),
    ("markdown", "## Exchanges: live and submitted questions\n\nA live question is asked by a "
     "journalist in their own turn. A submitted question is read out by the moderator. Who chose the "
     "questions, and who was not asked?"),
    ("code", "exchanges = briefing.exchanges()\ntables.table(\n    exchanges,\n"
     '    ["mode", "questioner", "outlet", "question_turns", "answer_turns"],\n'
     '    caption="The exchanges, in order",\n)'),
    ("code", "if exchanges:\n    lengths = plots.question_answer_lengths(exchanges)\n"
     "    display(lengths)\n    print(lengths.alt)"),
    ("markdown", "## Flaws and gaps\n\nThe toolkit lists what looks odd: words the transcriber could "
     "not hear, repeated labels, text that seems to be missing, and every guess the parser made about "
     "the page."),
    ("code", 'tables.table(briefing.quirks(), ["kind", "turn", "message"], caption="Flaws and guesses")'),
    ("markdown", "## Keyword in context\n\nSee each place a word is said, with the words around it. "
     "Change the word to follow your own question."),
    ("code", 'tables.table(briefing.kwic("today"), ["turn", "sentence", "left", "match", "right"], '
     'caption="today")'),
    ("markdown", "## Numbers\n\nEvery number is a claim to check: who counted, when, and how?"),
    ("code", 'tables.table(briefing.numbers(), ["turn", "sentence", "text", "kind", "qualifier"], '
     'caption="Numbers said in the briefing")'),
    ("markdown", "## Hedges and attribution\n\nWords such as *we believe* or *according to* show how "
     "sure a speaker is, or whose word a claim rests on."),
    ("code", 'tables.table(briefing.hedges(), ["turn", "sentence", "kind", "text"], '
     'caption="Hedging, attribution and distancing")'),
    ("markdown", "## Quotes\n\nWho is quoted, and are the words the speaker's own?"),
    ("code", 'tables.table(briefing.quotes(), ["turn", "sentence", "kind", "text"], caption="Quotations")'),
    ("markdown", "## The claims worksheet\n\nThe claims below give a figure or a date. Check each one, "
     "then fill in `verdict` (V Verified, U Uncertain or disputed, B Briefing only) and `sources` in "
     "`data/claims.csv`."),
    ("code", 'tables.table(case.load_claims(), caption="Claims to check")'),
    ("markdown", "## Check yourself\n\nA starter quiz on sentences of this briefing. Your teacher may "
     "edit it in `data/quizzes/`."),
    ("code", "show_quiz(case.quiz_path())"),
]  # fmt: skip


def explorer_notebook(title: str) -> str:
    """The explorer notebook's JSON text, without outputs."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for number, (kind, source) in enumerate(CELLS):
        text = source.replace("{title}", title)
        cell = nbformat.v4.new_markdown_cell(text) if kind == "markdown" else nbformat.v4.new_code_cell(text)
        cell["id"] = f"case-{number:02d}"
        nb.cells.append(cell)
    return nbformat.writes(nb) + "\n"
