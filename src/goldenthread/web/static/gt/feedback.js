// Live feedback on an outcome while it is written. Progressive enhancement only: without this
// file the "Suggest" button posts the form and the page shows the same list.
// Words people typed are only ever placed with text nodes (never innerHTML).

const DEBOUNCE_MS = 250;
const TAG_CLASS = { pass: "govuk-tag--green", warn: "govuk-tag--yellow", fail: "govuk-tag--red" };

function el(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function tag(text, className) {
  return el("strong", `govuk-tag ${className}`, text);
}

// The text cut at the merged spans of checks that fail or need a look: [[piece, marked], ...].
export function markedPieces(text, spans) {
  const merged = [];
  spans
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .forEach(([s, e]) => {
      const last = merged[merged.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else merged.push([s, e]);
    });
  const pieces = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) pieces.push([text.slice(at, s), false]);
    pieces.push([text.slice(s, e), true]);
    at = e;
  }
  if (at < text.length) pieces.push([text.slice(at), false]);
  return pieces;
}

// Whether the learned judge is unsure of anything (feedback.py's ``unsure``).
function unsure(data) {
  return Boolean(data.second_look) || data.criteria.some((line) => line.second_look);
}

function verdictWords(data) {
  if (data.smart) return "This outcome is SMART.";
  const failing = data.criteria.filter((line) => line.status === "fail").length;
  if (!failing) return "Not SMART yet.";
  return `Not SMART yet: ${failing} ${failing === 1 ? "check" : "checks"} to look at.`;
}

function statusWords(data) {
  if (!data.kind) return "";
  return unsure(data) ? `${verdictWords(data)} Worth a second look.` : verdictWords(data);
}

function panel(data) {
  const box = el("div", "govuk-inset-text gt-feedback__panel");
  box.id = "quality";
  box.append(el("h2", "govuk-heading-s", "How this outcome reads"));
  const kind = el("p", "govuk-body-s", `This reads as ${data.kind_words}. `);
  kind.append(data.smart ? tag("SMART", "govuk-tag--green") : tag("Not SMART yet", "govuk-tag--yellow"));
  kind.append(` Score ${data.score} out of 100.`);
  box.append(kind);
  if (data.second_look) {
    const unsure = el("p", "govuk-body-s gt-feedback__second-look");
    unsure.append(tag("Not sure", "govuk-tag--grey"), ` ${data.second_look}`);
    box.append(unsure);
  }
  const copy = el("p", "govuk-body-s gt-feedback__text");
  const spans = data.criteria
    .filter((line) => line.status === "fail" || line.status === "warn")
    .flatMap((line) => line.spans);
  for (const [piece, marked] of markedPieces(data.text, spans)) {
    copy.append(marked ? el("mark", "", piece) : document.createTextNode(piece));
  }
  box.append(copy);
  const list = el("ul", "govuk-list govuk-body-s gt-feedback__criteria");
  for (const line of data.criteria) {
    const item = el("li");
    item.dataset.status = line.status;
    const tagClass = line.second_look ? "govuk-tag--grey" : TAG_CLASS[line.status] || "govuk-tag--grey";
    item.append(tag(line.status_words, tagClass), " ");
    item.append(el("strong", "", line.label));
    if (line.status !== "pass" && line.message) item.append(`: ${line.message}`);
    if (line.status !== "pass" && line.suggestion) {
      item.append(" ", el("span", "govuk-hint govuk-!-font-size-16", `Try: ${line.suggestion}`));
    }
    if (line.hint) {
      const hintClass = `govuk-hint govuk-!-font-size-16 gt-feedback__hint${line.second_look ? " gt-feedback__unsure" : ""}`;
      item.append(" ", el("span", hintClass, line.hint));
    }
    list.append(item);
  }
  box.append(list);
  for (const note of data.notes) box.append(el("p", "govuk-body-s", note));
  if (data.suggestion && !data.smart) {
    const shape = el("p", "govuk-body-s", "A shape to start from: ");
    shape.append(el("q", "", data.suggestion));
    box.append(shape);
  }
  return box;
}

function dueDate(form) {
  const part = (name) => (form.elements.namedItem(`due_date-${name}`) || {}).value || "";
  const [day, month, year] = ["day", "month", "year"].map(part);
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return "";
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

function start(region) {
  const form = region.closest("form");
  const textarea = form && form.elements.namedItem("text");
  const token = form && form.elements.namedItem("csrfmiddlewaretoken");
  if (!textarea || !token) return;
  const status = region.querySelector("#gt-feedback-status");
  const holder = region.querySelector("#gt-feedback-panel");
  let timer = 0;
  let inFlight = null;

  async function check() {
    if (inFlight) inFlight.abort();
    inFlight = new AbortController();
    const body = new FormData();
    body.append("text", textarea.value);
    body.append("due_date", dueDate(form));
    body.append("csrfmiddlewaretoken", token.value);
    try {
      const response = await fetch(region.dataset.checkUrl, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token.value, Accept: "application/json" },
        signal: inFlight.signal,
      });
      if (!response.ok) return;
      const data = await response.json();
      holder.replaceChildren(...(data.kind ? [panel(data)] : []));
      status.textContent = statusWords(data);
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = "";
    }
  }

  const described = textarea.getAttribute("aria-describedby") || "";
  textarea.setAttribute("aria-describedby", `${described} gt-feedback-status`.trim());
  textarea.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, DEBOUNCE_MS);
  });
  form.addEventListener("change", (event) => {
    if (event.target.name && event.target.name.startsWith("due_date-")) check();
  });
  if (textarea.value.trim() && !holder.firstElementChild) check();
}

const region = document.getElementById("gt-feedback");
if (region) start(region);
