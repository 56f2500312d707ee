// One quiz question in JupyterLab: its header, its answer controls, its buttons and its feedback.
//
// Loaded by anywidget from the package (no CDN). The kernel owns every rule; this view only shows the
// traits it is given and reports what the learner does, as custom messages:
//   {event: "answer", value}  the draft in the controls (kept by the kernel, saved on Check)
//   {event: "check", value}   Check/Save pressed, or Enter: graded on exactly this value
//   {event: "hint"} and {event: "reveal"}
// The answer travels inside the "check" message, so a slow kernel can never grade an older value.
// The draft is sent once the learner pauses (DRAFT_PAUSE_MS after the last change), not on every
// keystroke or click, and never when a Check carries it anyway: each message is a round trip in the
// kernel, and a Check pressed right after a change would wait behind them. A pending draft is sent
// when the view goes away (the tab closed), so a reopened page still shows it.
//
// Keyboard: native radios share a name, so Tab enters the group and the arrow keys move the choice;
// Space ticks a checkbox; Enter checks the answer (Ctrl+Enter in a text area). A verdict prediction
// (kind "verdict") is a radio group plus a reason's text area: Enter on a radio, or Ctrl+Enter in the
// reason, commits it. The root carries
// data-lm-suppress-shortcuts so JupyterLab's notebook shortcuts (arrows, Enter) stay out of the way.

let counter = 0;
const DRAFT_PAUSE_MS = 1000;

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "text") node.textContent = value;
    else if (key === "className") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) node.appendChild(child);
  return node;
}

function button(className, primary) {
  const classes = ["jupyter-button", "widget-button", className];
  if (primary) classes.push("mod-primary");
  return el("button", { type: "button", className: classes.join(" ") });
}

function buildChoice(model, group, kind) {
  const box = el("div", {
    role: kind === "choice" ? "radiogroup" : "group",
    "aria-labelledby": `${group}-header`,
    className: "casebook-options",
  });
  const type = kind === "choice" ? "radio" : "checkbox";
  const inputs = model.get("options").map((option) => {
    const input = el("input", { type, name: group, value: option.value });
    const label = el("label", { className: "casebook-option" }, [input, el("span", { text: option.label })]);
    box.appendChild(label);
    return input;
  });
  return {
    node: box,
    inputs,
    read() {
      const chosen = inputs.filter((i) => i.checked).map((i) => Number(i.value));
      return kind === "choice" ? (chosen.length ? chosen[0] : null) : chosen;
    },
    write(value) {
      const wanted = new Set(kind === "choice" ? [value] : Array.isArray(value) ? value : []);
      for (const input of inputs) input.checked = wanted.has(Number(input.value));
    },
  };
}

function buildText(model, kind) {
  const input =
    kind === "textarea"
      ? el("textarea", { rows: 5, className: "casebook-text widget-input" })
      : el("input", { type: "text", className: "casebook-text widget-input", autocomplete: "off" });
  const placeholder = model.get("placeholder");
  if (placeholder) input.setAttribute("placeholder", placeholder);
  const label = el("label", { className: "casebook-text-label" }, [
    el("span", { text: model.get("label") }),
    input,
  ]);
  return {
    node: label,
    inputs: [input],
    read: () => input.value,
    write(value) {
      input.value = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
    },
  };
}

function buildVerdict(model, group) {
  // A prediction: one verdict of the kit's vocabulary (radios valued by code) and a reason (text area).
  const box = el("div", { className: "casebook-verdict" });
  const radios = el("div", {
    role: "radiogroup",
    "aria-labelledby": `${group}-header`,
    className: "casebook-options",
  });
  const inputs = model.get("options").map((option) => {
    const input = el("input", { type: "radio", name: group, value: option.value });
    radios.appendChild(el("label", { className: "casebook-option" }, [input, el("span", { text: option.label })]));
    return input;
  });
  const reason = el("textarea", { rows: 3, className: "casebook-text casebook-reason widget-input" });
  const placeholder = model.get("placeholder");
  if (placeholder) reason.setAttribute("placeholder", placeholder);
  const label = el("label", { className: "casebook-text-label casebook-verdict-reason" }, [
    el("span", { text: model.get("label") }),
    reason,
  ]);
  box.append(radios, label);
  return {
    node: box,
    inputs: [...inputs, reason],
    read() {
      const chosen = inputs.find((i) => i.checked);
      return { verdict: chosen ? chosen.value : null, reason: reason.value };
    },
    write(value) {
      const wanted = value && typeof value === "object" ? value : {};
      for (const input of inputs) input.checked = input.value === wanted.verdict;
      reason.value = typeof wanted.reason === "string" ? wanted.reason : "";
    },
  };
}

function buildMenus(model, kind) {
  // order: one drop-down per place, always a complete order (choosing an item swaps it with the place
  // that held it). match: one drop-down per term, with a "choose" prompt whose value is -1.
  const box = el("div", { role: "group", "aria-label": model.get("label"), className: "casebook-menus" });
  const choices = model.get("options");
  const menus = model.get("menu_labels").map((text) => {
    const select = el("select", { className: "casebook-menu" });
    if (kind === "match") select.appendChild(el("option", { value: -1, text: model.get("placeholder") }));
    for (const option of choices) select.appendChild(el("option", { value: option.value, text: option.label }));
    box.appendChild(el("label", { className: "casebook-menu-label" }, [el("span", { text }), select]));
    return select;
  });
  let shown = menus.map((m) => Number(m.value));
  const control = {
    node: box,
    inputs: menus,
    read() {
      const values = menus.map((m) => Number(m.value));
      return kind === "match" ? values.map((v) => (v < 0 ? null : v)) : values;
    },
    write(value) {
      if (!Array.isArray(value)) return;
      menus.forEach((menu, i) => {
        const v = value[i] === null || value[i] === undefined ? -1 : value[i];
        menu.value = String(v);
      });
      shown = menus.map((m) => Number(m.value));
    },
  };
  if (kind === "order") {
    menus.forEach((menu, place) => {
      menu.addEventListener("change", () => {
        const item = Number(menu.value);
        const other = shown.indexOf(item);
        if (other >= 0 && other !== place) {
          menus[other].value = String(shown[place]);
        }
        shown = menus.map((m) => Number(m.value));
      });
    });
  }
  return control;
}

function render({ model, el: host }) {
  const group = `casebook-${model.get("question_id")}-${++counter}`;
  const kind = model.get("kind");
  const root = el("div", {
    className: `casebook-question casebook-q-${model.get("question_id")}`,
    "data-lm-suppress-shortcuts": "true",
  });
  const header = el("div", { className: "casebook-header", id: `${group}-header` });
  let control;
  if (kind === "choice" || kind === "multiple") control = buildChoice(model, group, kind);
  else if (kind === "verdict") control = buildVerdict(model, group);
  else if (kind === "order" || kind === "match") control = buildMenus(model, kind);
  else control = buildText(model, kind);

  const submit = button("casebook-submit", true);
  const hint = button("casebook-hint", false);
  const reveal = button("casebook-show-answer", false);
  const buttons = el("div", { className: "casebook-buttons" }, [submit, hint, reveal]);
  const hints = el("div", { className: "casebook-hints", "aria-live": "polite" });
  const feedback = el("div", { className: "casebook-feedback" });
  const answer = el("div", { className: "casebook-answer", "aria-live": "polite" });
  root.append(header, control.node, buttons, hints, feedback, answer);
  host.appendChild(root);

  let draft = null; // the timer of a draft not yet sent
  const holdDraft = () => {
    if (draft === null) return false;
    clearTimeout(draft);
    draft = null;
    return true;
  };
  const send = (event, withValue) => {
    if (event === "check") holdDraft(); // the Check carries the answer
    model.send(withValue ? { event, value: control.read() } : { event });
  };
  const changed = () => {
    holdDraft();
    draft = setTimeout(() => {
      draft = null;
      send("answer", true);
    }, DRAFT_PAUSE_MS);
  };

  for (const input of control.inputs) {
    const typed = input.tagName === "TEXTAREA" || input.type === "text";
    input.addEventListener(typed ? "input" : "change", changed);
    input.addEventListener("keydown", (event) => {
      const isArea = input.tagName === "TEXTAREA";
      const wantsCheck =
        event.key === "Enter" && !event.shiftKey && !event.altKey && (isArea ? event.ctrlKey || event.metaKey : !event.ctrlKey && !event.metaKey);
      if (wantsCheck) {
        event.preventDefault();
        if (!submit.disabled) send("check", true);
      }
      event.stopPropagation(); // the notebook's own key handling stays out of the question
    });
  }
  submit.addEventListener("click", () => send("check", true));
  hint.addEventListener("click", () => send("hint", false));
  reveal.addEventListener("click", () => send("reveal", false));

  function showValue() {
    holdDraft(); // the kernel restored or cleared the answer: an older draft is void
    control.write(model.get("value"));
  }
  // One message from the kernel changes several traits at once, and Backbone fires a change event
  // for each: draw once per message (in a microtask), and touch only what differs from the screen.
  const drawn = {};
  let pending = false;
  function put(node, name, value, write) {
    if (drawn[name] === value) return;
    drawn[name] = value;
    write(node, value);
  }
  const html = (node, value) => { node.innerHTML = value; }; // built by the kernel from escaped, sanitised Markdown
  const text = (node, value) => { node.textContent = value; };
  const title = (node, value) => { node.title = value; };
  const hidden = (node, value) => { node.hidden = value; };
  const disabled = (node, value) => { node.disabled = value; };
  function showState() {
    pending = false;
    put(header, "header_html", model.get("header_html"), html);
    put(hints, "hints_html", model.get("hints_html"), html);
    put(feedback, "feedback_html", model.get("feedback_html"), html);
    put(answer, "answer_html", model.get("answer_html"), html);
    put(submit, "submit_label", model.get("submit_label"), text);
    put(submit, "submit_tooltip", model.get("submit_tooltip"), title);
    put(hint, "hint_label", model.get("hint_label"), text);
    put(hint, "has_hints", !model.get("has_hints"), hidden);
    put(reveal, "graded", !model.get("graded"), hidden);
    put(control.inputs, "locked", model.get("locked"), (inputs, locked) => {
      for (const input of inputs) input.disabled = locked;
      submit.disabled = locked;
    });
    put(hint, "hint_disabled", model.get("hint_disabled"), disabled);
    put(reveal, "reveal_disabled", model.get("reveal_disabled"), disabled);
  }
  reveal.textContent = "Show answer";
  reveal.title = "Give up and see the answer and explanation";
  function stateChanged() {
    if (pending) return;
    pending = true;
    queueMicrotask(showState);
  }
  showState();
  showValue();
  const names = ["header_html", "hints_html", "feedback_html", "answer_html", "submit_label", "hint_label",
    "has_hints", "graded", "locked", "hint_disabled", "reveal_disabled"];
  for (const name of names) model.on(`change:${name}`, stateChanged);
  model.on("change:revision", showValue); // the kernel restored or cleared the answer
  return () => {
    if (holdDraft()) send("answer", true); // the view goes away: its draft is not lost
    for (const name of names) model.off(`change:${name}`, stateChanged);
    model.off("change:revision", showValue);
  };
}

export default { render };
