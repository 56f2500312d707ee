"""Tools for the kit's maintainers and teachers, apart from what runs in a student's kernel.

Nothing a lesson imports imports this package (a test keeps it so); the ``casebook`` command and
``make`` call it:

- ``figures``: ``make figures`` (``python -m casebook.maintain.figures``) runs every lesson in
  ``record`` mode, stores its figures' images and prunes the unused ones;
- ``quiz_checked``: ``python -m casebook.maintain.quiz_checked`` (also ``python -m
  casebook.quiz.checked``) rewrites ``quiz.checked.json``, the digests of the shipped quizzes that
  pass the quiz schema;
- ``rubric_checked``: ``python -m casebook.maintain.rubric_checked`` (also ``python -m
  casebook.rubric_checked``) rewrites ``rubric.checked.json``, the same for the shipped rubrics;
- ``data_hashes``: ``casebook data-hash`` records each data file's checksum in ``datapackage.json``;
- ``course``: the lessons as the notebooks describe them, their links, and the README's lesson table
  (``casebook readme``);
- ``lab``: ``casebook lab`` (``make lab``), JupyterLab on loopback with a fresh token;
- ``validate``: ``casebook validate``, each file checked by the checker for its type.
"""
