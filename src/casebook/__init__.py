"""casebook: a Jupyter teaching kit built around one real press briefing.

The package is what the lesson notebooks import. Its parts each do one job:

- ``casebook.paths``: where the data folder is (``CASEBOOK_DATA`` to point elsewhere);
- ``casebook.quiz``: quizzes as data, graded by pure functions, shown as widgets;
- ``casebook.transcript``: parse a State Department briefing into turns, exchanges and claims;
- ``casebook.data``: load the kit's datasets as validated records;
- ``casebook.plots``: the figures, each with a title, labels, a source line and alt text;
- ``casebook.checks`` and ``casebook.exercises``: exercise feedback and student copies;
- ``casebook.settings``: what ``course.yaml`` says (hosting, the hand-in folder);
- ``casebook.maintain``: maintainers' tools (``make figures``, ``casebook data-hash``, ``readme``,
  ``lab``, ``validate``), never imported by a lesson;
- ``casebook.cli``: the ``casebook`` command.

Importing ``casebook`` itself is cheap: submodules load only when used.
"""

__version__ = "0.1.0"
