"""What a learner waits for in the browser, against a floor measured in the same run.

In one JupyterLab under headless Chromium (as ``make test-browser`` runs it):

- open to rendered: from opening a notebook to its kernel idle after Run All Cells and every widget
  on the page, for each lesson, against a floor notebook that shows one plain ipywidgets button;
- click to feedback: from a click to the answer on the page, for the setup check's button and for
  the first question of each quiz (when the quiz engine is installed), against the floor's button,
  whose click only updates a counter.

Click to feedback is timed in the page itself (``PROBE``): from the click event to the DOM change
that shows the answer, both stamped with ``performance.now()``, so the harness's own polling does not
count. ``WS_COUNTER`` counts the kernel messages on the page's websockets (by channel and type) from
the click until the kernel is idle again: the report gives them per click, comm messages apart.

Medians over several rounds (CASEBOOK_BENCH_ROUNDS, default 5); reported as ratios to the floor. For
a click, the floor notebook stays open and each round clicks its button right before the target's
click; the ratio is the median of the rounds' own ratios (the load of a shared machine moves both).
CASEBOOK_BENCH_BROWSER=click (or open) runs only that part; CASEBOOK_BENCH_QUIZZES=id,id only those
quizzes. CASEBOOK_BENCH_LESSONS=01,06 opens only the lessons whose names start so;
CASEBOOK_BENCH_SPLIT=1 also opens each lesson without its quiz cells (``show_quiz``), to split the
quizzes' share of the open time from the rest of the lesson. CASEBOOK_BENCH_LAB=stock starts
JupyterLab without the kit's kernel websocket class (``casebook.lab_socket``: Nagle's algorithm left
on, as jupyter_server has it), to compare.
Needs Chromium (see tests/browser/chromium.py); prints one line and exits 1 without it.
"""

from __future__ import annotations

import functools
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the harness lives in tests/browser

import nbformat  # noqa: E402
from nbformat.v4 import new_code_cell, new_notebook  # noqa: E402

from casebook.maintain.lab import CONNECTION_CLASS, lab_command  # noqa: E402
from tests.browser import lab_server, notebook_page, quiz_driver  # noqa: E402
from tests.browser.chromium import find_chromium, launch  # noqa: E402
from tests.browser.lab_server import LabServer, running_lab  # noqa: E402
from tests.browser.quiz_answers import plan_quiz  # noqa: E402

ROUNDS = int(os.environ.get("CASEBOOK_BENCH_ROUNDS", "5"))
FLOOR_CELLS = [
    "import ipywidgets as widgets\n\n"
    "count = widgets.HTML('<p>0</p>')\n"
    "button = widgets.Button(description='Floor button')\n\n\n"
    "def bump(_button):\n"
    "    count.value = f'<p>{int(count.value[3:-4]) + 1}</p>'\n\n\n"
    "button.on_click(bump)\n"
    "widgets.VBox([button, count])",
]


PARTS = os.environ.get("CASEBOOK_BENCH_BROWSER", "open,click").split(",")


def stock_lab_command(**options) -> list[str]:  # noqa: ANN003
    """``lab_command`` without the kit's kernel websocket class: jupyter_server as it ships."""
    return [a for a in lab_command(**options) if CONNECTION_CLASS not in a]


if os.environ.get("CASEBOOK_BENCH_LAB") == "stock":
    lab_server.lab_command = stock_lab_command

# Installed in every page before JupyterLab loads: counts the kernel messages on each websocket, with
# the time each arrives. JSON frames and the binary v1 protocol (offsets, channel, header) are read.
WS_COUNTER = """
(() => {
  const log = (window.__casebookWs = []);
  const decoder = new TextDecoder();
  // What one frame is: "channel:msg_type" (plus the kernel's execution state for a status), its
  // message id and the id of the message it answers.
  function describe(data) {
    try {
      let channel, header, parent, content;
      if (typeof data === "string") {
        const msg = JSON.parse(data);
        [channel, header, parent, content] = [msg.channel, msg.header, msg.parent_header, msg.content];
      } else {
        const view = new DataView(data);
        const count = Number(view.getBigUint64(0, true));
        const offsets = [];
        for (let i = 1; i <= count; i++) offsets.push(Number(view.getBigUint64(8 * i, true)));
        const part = (i) => decoder.decode(new Uint8Array(data, offsets[i], offsets[i + 1] - offsets[i]));
        channel = part(0);
        [header, parent] = [JSON.parse(part(1)), JSON.parse(part(2))];
        if (header.msg_type === "status") content = JSON.parse(part(4));
      }
      const state = header.msg_type === "status" && content ? `:${content.execution_state}` : "";
      const kind = `${channel}:${header.msg_type}${state}`;
      return { kind, id: header.msg_id, parent: (parent || {}).msg_id };
    } catch (error) {
      return { kind: "other" };
    }
  }
  const Native = window.WebSocket;
  const send = Native.prototype.send;
  Native.prototype.send = function (data) {
    log.push({ way: "sent", ...describe(data), at: performance.now() });
    return send.call(this, data);
  };
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) =>
        log.push({ way: "received", ...describe(event.data), at: performance.now() }));
    }
  };
})();
"""

# Arms one measurement: the next click (capture phase, before any handler) starts it; the first DOM
# change after which `shown()` is true ends it. Both times come from performance.now().
PROBE = """
(shownSource) => {
  const shown = new Function(`return (${shownSource})`)();
  const probe = (window.__casebookProbe = {
    start: null, end: null, logFrom: window.__casebookWs.length, ticks: [],
  });
  // From the click to the feedback, a task posted again and again stamps when the page's main thread
  // was free: a long gap between two stamps is the page busy with something else (not waiting).
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    probe.ticks.push(performance.now());
    if (probe.end === null) channel.port2.postMessage(0);
  };
  const started = () => {
    probe.start = performance.now();
    channel.port2.postMessage(0);
  };
  document.addEventListener("click", started, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (probe.start !== null && shown()) {
      probe.end = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
}
"""


@dataclass
class Click:
    """One click measured in the page: seconds to the feedback, and the kernel messages it caused."""

    seconds: float
    messages: Counter = field(default_factory=Counter)
    last_message_ms: float = 0.0  # after the click, when the last message of the click arrived
    steps_ms: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # see ``steps``
    before_idle: int = 0  # messages received from the click until the kernel's idle for it
    before_click: tuple[float, float, float] = (0, 0, 0)  # see ``queued``
    page_gaps: tuple[float, float] = (0.0, 0.0)  # see ``page_gaps``


STEPS = ("click to sent", "sent to kernel busy", "busy to first comm reply", "reply to drawn")


def steps(log: list[dict], start: float, end: float) -> tuple[float, float, float, float]:
    """Where one click's time went, in ms, from the page's message log (``STEPS``): the page until
    the comm message left, the way to the kernel (its ``busy`` status for that message back: a
    kernel still busy with an earlier message shows here), the kernel until the first comm message
    it sends in answer to it, and the page from that message to the feedback drawn. A step whose
    message is missing counts as 0 and the rest move on from the last known time."""

    sent_msg = next((m for m in log if m["way"] == "sent" and m["kind"] == "shell:comm_msg"), None)
    if sent_msg is None:
        return (0.0, 0.0, 0.0, end - start)
    answers = [m for m in log if m["way"] == "received" and m.get("parent") == sent_msg.get("id")]

    def first(kind: str, default: float) -> float:
        return next((m["at"] for m in answers if m["kind"] == kind), default)

    sent = sent_msg["at"]
    busy = first("iopub:status:busy", sent)
    reply = first("iopub:comm_msg", busy)
    return (sent - start, busy - sent, reply - busy, max(end - reply, 0.0))


def queued(log: list[dict], start: float) -> tuple[float, float, float]:
    """The comm messages the page sent before the click (from the start of ``log``: entering the
    answer), how many of them the kernel had not yet finished (no ``idle`` for them before the
    click): what the click's own message queues behind, and the ms from the last of those ``idle``
    messages to the click (0 when there was none)."""
    sent = [m for m in log if m["at"] < start and m["way"] == "sent" and m["kind"] == "shell:comm_msg"]
    done = {
        m.get("parent")
        for m in log
        if m["at"] < start and m["way"] == "received" and m["kind"] == "iopub:status:idle"
    }
    ids = {m.get("id") for m in sent}
    idles = [
        m["at"]
        for m in log
        if m["at"] < start and m["kind"] == "iopub:status:idle" and m.get("parent") in ids
    ]
    gap = start - max(idles) if idles else 0.0
    return len(sent), sum(1 for m in sent if m.get("id") not in done), gap


def page_gaps(log: list[dict], ticks: list[float], start: float) -> tuple[float, float]:
    """From the page's free-thread stamps (``PROBE``): the longest time, in ms, the page's main thread
    was busy between the click and the feedback, and how long it had been busy when the kernel's
    ``busy`` for the click was handled (time since the last stamp before it: that message may have
    waited that long for the page, so it counts in ``sent to kernel busy`` without being the
    kernel's)."""
    stamps = [start, *ticks]
    longest = max((b - a for a, b in zip(stamps, stamps[1:], strict=False)), default=0.0)
    sent_msg = next((m for m in log if m["way"] == "sent" and m["kind"] == "shell:comm_msg"), None)
    busy = next(
        (
            m["at"]
            for m in log
            if sent_msg and m["kind"] == "iopub:status:busy" and m.get("parent") == sent_msg.get("id")
        ),
        None,
    )
    if busy is None:
        return longest, 0.0
    return longest, busy - max((t for t in stamps if t <= busy), default=busy)


def measured_click(page, shown: str, click: Callable[[], None], since: int | None = None) -> Click:  # noqa: ANN001
    """Arm the probe, ``click()``, wait for ``shown`` (a JS function source) and for the kernel to be
    idle after the feedback; return the in-page time and the messages seen from the click on, and
    (``queued``) those the page sent from the message log's index ``since`` up to the click."""
    page.evaluate(PROBE, shown)
    click()
    deadline = time.monotonic() + 60
    while page.evaluate("window.__casebookProbe.end") is None:
        if time.monotonic() > deadline:
            raise TimeoutError("no answer on the page within 60 s")
        page.wait_for_timeout(5)
    page.wait_for_timeout(300)  # let the messages that follow the feedback (summary, save) arrive
    probe = page.evaluate("window.__casebookProbe")
    first = probe["logFrom"] if since is None else min(since, probe["logFrom"])
    log = page.evaluate("from => window.__casebookWs.slice(from)", first)
    after = [m for m in log if m["at"] >= probe["start"]]
    messages = Counter(f"{m['way']} {m['kind']}" for m in after)
    last = max((m["at"] for m in after), default=probe["end"]) - probe["start"]
    return Click(
        (probe["end"] - probe["start"]) / 1000,
        messages,
        last,
        steps(after, probe["start"], probe["end"]),
        received_before_idle(after),
        queued(log, probe["start"]) if since is not None else (0, 0, 0),
        page_gaps(after, probe["ticks"], probe["start"]),
    )


def received_before_idle(log: list[dict]) -> int:
    """How many messages the page received for the click's comm message up to and with the kernel's
    ``idle`` for it: what the kernel sent while handling the click (what follows came after)."""
    sent_msg = next((m for m in log if m["way"] == "sent" and m["kind"] == "shell:comm_msg"), None)
    received = [m for m in log if m["way"] == "received"]
    if sent_msg is None:
        return len(received)
    for count, message in enumerate(received, start=1):
        if message["kind"] == "iopub:status:idle" and message.get("parent") == sent_msg.get("id"):
            return count
    return len(received)


def _write(root: Path, relative: str, cells: list[str]) -> str:
    nb = new_notebook(cells=[new_code_cell(source) for source in cells])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return relative


def without_quizzes(root: Path, lesson: str) -> str:
    """A copy of ``lesson`` beside it without the code cells that show a quiz; its relative path."""
    nb = nbformat.read(root / lesson, as_version=4)
    nb.cells = [c for c in nb.cells if not (c.cell_type == "code" and "show_quiz(" in c.source)]
    copy = Path(lesson).with_name(f"{Path(lesson).stem}__without_quizzes.ipynb")
    nbformat.write(nb, root / copy)
    return copy.as_posix()


def open_to_rendered(context, server: LabServer, path: str, name: str) -> float:  # noqa: ANN001
    """Seconds from opening ``path`` to Run All finished and every widget rendered (a fresh tab)."""
    page = context.new_page()
    try:
        start = time.perf_counter()
        notebook_page.open_notebook(page, server, path, workspace=name)
        notebook_page.run_all_cells(page)
        return time.perf_counter() - start
    finally:
        page.close()
        server.shut_down_kernels_of(path)


def floor_click(page) -> Click:  # noqa: ANN001
    """A click on the floor button, to its counter going up."""
    before = page.locator(".widget-html-content").last.inner_text()
    shown = f"() => [...document.querySelectorAll('.widget-html-content')].at(-1).innerText !== {before!r}"
    return measured_click(page, shown, page.get_by_role("button", name="Floor button").click)


def setup_check_click(page) -> Click:  # noqa: ANN001
    """A click on "Check my setup", to the verdict (the cell is run afresh first)."""
    notebook_page.run_all_cells(page)
    shown = "() => document.body.innerText.includes('All set.')"
    return measured_click(page, shown, page.get_by_role("button", name="Check my setup").click)


def quiz_click(page, plan) -> Click:  # noqa: ANN001
    """A click on a question's submit button, to its feedback (the quiz is reset first)."""
    if any(t.strip() for t in page.locator(".casebook-quiz .casebook-feedback").all_inner_texts()):
        quiz_driver.reset_quiz(page)
        page.wait_for_timeout(300)  # the reset's messages are not the answer's
    since = page.evaluate("window.__casebookWs.length")
    quiz_driver.enter_with_mouse(page, plan.mouse_right)
    question_id = plan.mouse_right.question_id
    area = f".casebook-q-{question_id} .casebook-feedback"
    shown = f"() => document.querySelector('{area}').innerText.trim() !== ''"
    return measured_click(
        page, shown, quiz_driver.question(page, question_id).locator(".casebook-submit").click, since
    )


@dataclass
class Clicks:
    """The median click of a target, and the messages of its last click."""

    seconds: float
    messages: Counter
    last_message_ms: float
    steps_ms: tuple[float, ...]  # the median of each of ``STEPS``
    before_idle: int = 0  # of the last click: messages received up to the kernel's idle for it
    before_click: tuple[float, ...] = (0.0, 0.0, 0.0)  # medians of ``queued``
    page_gaps: tuple[float, ...] = (0.0, 0.0)  # medians of ``page_gaps``
    ratio: float = 1.0  # the median, over the rounds, of this click's time over the floor's


def clicks(context, server: LabServer, path: str, name: str, measure, floor_page=None) -> Clicks:  # noqa: ANN001
    """The median of ROUNDS measurements of ``measure(page)`` on ``path`` opened and run once. With
    ``floor_page`` (the floor notebook, open and run), each round clicks the floor button there right
    before, and ``ratio`` is the median of the rounds' own ratios: a machine that gets busier or
    quieter during the run moves both clicks of a round alike."""
    page = context.new_page()
    try:
        notebook_page.open_notebook(page, server, path, workspace=name)
        notebook_page.run_all_cells(page)
        return clicks_on(page, measure, floor_page)
    finally:
        page.close()
        server.shut_down_kernels_of(path)


def clicks_on(page, measure, floor_page=None) -> Clicks:  # noqa: ANN001
    """``clicks`` on a page already open and run."""
    measure(page)  # warm-up: the first click loads code in the kernel and the page
    done, floors = [], []
    for _ in range(ROUNDS):
        if floor_page is not None:
            floors.append(floor_click(floor_page).seconds)
        done.append(measure(page))
    ratios = [c.seconds / f for c, f in zip(done, floors, strict=True)] if floors else [1.0]
    return Clicks(
        statistics.median(c.seconds for c in done),
        done[-1].messages,
        statistics.median(c.last_message_ms for c in done),
        tuple(statistics.median(c.steps_ms[i] for c in done) for i in range(len(STEPS))),
        done[-1].before_idle,
        tuple(statistics.median(c.before_click[i] for c in done) for i in range(3)),
        tuple(statistics.median(c.page_gaps[i] for c in done) for i in range(2)),
        statistics.median(ratios),
    )


def _lab() -> str:
    return " [stock jupyter_server websocket]" if lab_server.lab_command is stock_lab_command else ""


def _row(name: str, seconds: float, ratio: float) -> str:
    return f"  {name:<44} {seconds * 1000:9.0f} ms   {ratio:6.2f}x floor (median of the rounds' ratios)"


def _messages(measured: Clicks) -> str:
    """Messages per click: sent and received, comm messages apart, and when the last one came."""
    sent = sum(n for k, n in measured.messages.items() if k.startswith("sent"))
    received = sum(n for k, n in measured.messages.items() if k.startswith("received"))
    comm_in = measured.messages["received iopub:comm_msg"]
    comm_out = measured.messages["sent shell:comm_msg"]
    parts = ", ".join(f"{name} {ms:.1f}" for name, ms in zip(STEPS, measured.steps_ms, strict=True))
    return (
        f"      messages per click: sent {sent} ({comm_out} comm), received {received} ({comm_in} comm), "
        f"{measured.before_idle} of them up to the kernel's idle; "
        f"last at {measured.last_message_ms:.0f} ms\n      steps (ms, medians): {parts}"
        f"\n      entering the answer (medians): sent {measured.before_click[0]:g} comm messages, "
        f"{measured.before_click[1]:g} of them not yet done by the kernel at the click; "
        f"the last done {measured.before_click[2]:.0f} ms before it"
        f"\n      page main thread (medians): longest busy stretch {measured.page_gaps[0]:.1f} ms, "
        f"busy {measured.page_gaps[1]:.1f} ms when the kernel's busy was handled"
    )


def main() -> int:
    """Run the measurements and print the report; 1 if there is no Chromium."""
    chromium, why = find_chromium()
    if chromium is None:
        print(why)
        return 1
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="casebook-bench-browser-"))
    try:
        root = work / "root"
        shutil.copytree(ROOT / "notebooks", root / "notebooks")
        floor = _write(root, "bench/floor.ipynb", FLOOR_CELLS)
        quizzes = []
        try:
            import casebook.quiz  # noqa: F401  (phase 2: only when the quiz engine is installed)

            only = [q for q in os.environ.get("CASEBOOK_BENCH_QUIZZES", "").split(",") if q]
            for quiz_file in sorted((ROOT / "data" / "quizzes").glob("*.yaml")):
                if only and quiz_file.stem not in only:
                    continue
                try:
                    plan = plan_quiz(quiz_file)
                except ValueError:  # a prediction-only quiz: no Check with a right answer to time
                    print(f"({quiz_file.stem}: no question with a right answer to check; not measured)")
                    continue
                cells = [f'from casebook.quiz import show_quiz\n\nshow_quiz("{plan.quiz_id}")']
                quizzes.append((plan, _write(root, f"bench/quiz_{plan.quiz_id}.ipynb", cells)))
        except ImportError:
            print("(no quiz engine installed: quiz click-to-feedback not measured)")
        wanted = [w for w in os.environ.get("CASEBOOK_BENCH_LESSONS", "").split(",") if w]
        lessons = sorted(
            p.relative_to(root).as_posix()
            for p in (root / "notebooks").glob("*.ipynb")
            if not wanted or any(p.name.startswith(w) for w in wanted)
        )
        if os.environ.get("CASEBOOK_BENCH_SPLIT") == "1":
            lessons = [kept for lesson in lessons for kept in (lesson, without_quizzes(root, lesson))]
        with running_lab(root, work / "state") as server, sync_playwright() as playwright:
            context = launch(playwright, chromium, work / "profile")
            try:
                context.add_init_script(WS_COUNTER)
                if "open" in PARTS:
                    open_all(context, server, floor, lessons)
                if "click" not in PARTS:
                    return 0
                print(f"Click to feedback (median of {ROUNDS}, timed in the page){_lab()}:")
                floor_page = context.new_page()  # open for the whole part: a floor click each round
                notebook_page.open_notebook(floor_page, server, floor, workspace="click-floor")
                notebook_page.run_all_cells(floor_page)
                floor_clicks = clicks_on(floor_page, floor_click)
                print(_row("floor: button updates a counter", floor_clicks.seconds, 1.0))
                print(_messages(floor_clicks))
                setup = "notebooks/00_start_here.ipynb"
                if (root / setup).exists():
                    measured = clicks(context, server, setup, "click-setup", setup_check_click, floor_page)
                    print(_row("setup check: Check my setup", measured.seconds, measured.ratio))
                    print(_messages(measured))
                for plan, path in quizzes:
                    measure = functools.partial(quiz_click, plan=plan)
                    measured = clicks(context, server, path, f"click-{plan.quiz_id}", measure, floor_page)
                    label = f"quiz {plan.quiz_id}: '{plan.mouse_right.question_id}' Check"
                    print(_row(label, measured.seconds, measured.ratio))
                    print(_messages(measured))
            finally:
                context.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def open_all(context, server: LabServer, floor: str, lessons: list[str]) -> None:  # noqa: ANN001
    """Print open-to-rendered for the floor and each lesson."""
    print(f"Open to rendered (median of {ROUNDS}; kernel start, Run All, widgets on the page){_lab()}:")
    opening = {p: [] for p in [floor, *lessons]}
    for round_ in range(ROUNDS):  # interleaved, so drift hits floor and lessons alike
        for path, times in opening.items():
            times.append(open_to_rendered(context, server, path, f"open-{round_}"))
    floor_open = statistics.median(opening.pop(floor))
    print(_row("floor: one button", floor_open, floor_open))
    for path, times in opening.items():
        print(_row(path, statistics.median(times), floor_open))


if __name__ == "__main__":
    sys.exit(main())
