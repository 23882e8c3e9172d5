import { SEVERITIES, helpUri } from "../core/rule-meta.js";
import { plural } from "../core/words.js";
import { objectLabel, type Finding } from "../engine/finding.js";
import { CONTROL_STATUSES, STATUS_LABEL, notCheckedReason, type ComplianceReport, type ControlResult, type ControlStatus, type FrameworkResult } from "./compliance.js";
import { escapeHtml } from "./escape.js";
import { locationText, type Linker } from "./links.js";
import { displayMessage } from "./report.js";

/**
 * The compliance report as one self-contained HTML page: inline style and script, no fonts, images
 * or anything else fetched, so it can be opened from disk, attached to a ticket or printed. Every
 * text from the run is escaped; the script only reads data-* attributes, never text.
 */

export interface HtmlOptions {
  /** When the report was made, shown in its header. */
  generatedAt?: Date;
}

const STATUS_COLOR: Readonly<Record<ControlStatus, string>> = {
  fail: "#c62828",
  pass: "#2e7d32",
  "not-static": "#78909c",
  "not-checked": "#d6d6d6",
};

const STYLE = `
:root { color-scheme: light; --fail: ${STATUS_COLOR.fail}; --pass: ${STATUS_COLOR.pass}; --not-static: ${STATUS_COLOR["not-static"]}; --not-checked: ${STATUS_COLOR["not-checked"]}; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; margin: 0 auto; padding: 24px; max-width: 1200px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0; }
a { color: #0969da; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.meta, .muted { color: #59636e; }
.warning { border: 1px solid #d4a72c; background: #fff8c5; padding: 8px 12px; border-radius: 6px; margin: 12px 0; }
.filters { position: sticky; top: 0; z-index: 1; background: #f6f8fa; border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 12px; margin: 16px 0; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
.filters legend { font-weight: 600; float: left; margin-right: 8px; }
.filters label { white-space: nowrap; }
[hidden] { display: none !important; }
section.framework { border: 1px solid #d1d9e0; border-radius: 6px; padding: 16px; margin: 16px 0; break-inside: auto; }
.overview { display: flex; gap: 24px; align-items: center; margin: 12px 0; flex-wrap: wrap; }
.overview svg { width: 120px; height: 120px; flex: none; }
.legend { list-style: none; margin: 0; padding: 0; }
.legend li { margin: 2px 0; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.totals { margin: 4px 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid #e6e9ed; }
th { background: #f6f8fa; font-weight: 600; }
tr.control td:first-child { white-space: nowrap; }
.status { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; color: #fff; }
.status.fail { background: var(--fail); }
.status.pass { background: var(--pass); }
.status.not-static { background: var(--not-static); }
.status.not-checked { background: var(--not-checked); color: #1f2328; }
.partial { display: inline-block; margin-left: 4px; padding: 0 6px; border: 1px solid #9a6700; color: #9a6700; border-radius: 10px; font-size: 12px; white-space: nowrap; }
.limits { display: block; color: #59636e; font-size: 12.5px; }
tr.findings > td { padding: 0 0 8px 24px; background: #fcfcfd; }
table.finding-list { table-layout: fixed; }
table.finding-list td { border-bottom: 1px dashed #e6e9ed; font-size: 13px; overflow-wrap: break-word; }
table.finding-list col.severity { width: 72px; }
table.finding-list col.location { width: 27%; }
table.finding-list col.object { width: 20%; }
table.finding-list col.rule { width: 15%; }
table.finding-list td.severity { white-space: nowrap; font-weight: 600; }
.severity-critical { color: #a40e26; }
.severity-high { color: #bc4c00; }
.severity-medium { color: #9a6700; }
.severity-low { color: #59636e; }
td.message { word-break: break-word; }
@media screen { .off { display: none !important; } }
@media print {
  body { padding: 0; max-width: none; font-size: 11px; }
  .filters, .screen-only { display: none !important; }
  section.framework { border: 0; padding: 0; break-before: page; }
  section.framework:first-of-type { break-before: auto; }
  a { color: inherit; text-decoration: none; }
  tr { break-inside: avoid; }
}
`;

/**
 * Filters: each checkbox shows or hides the finding rows of a severity or the section of a
 * framework; the counts say how many findings are shown. Printing shows everything (the `off`
 * class only applies on screen), so before printing the counts are the full ones.
 */
const SCRIPT = `
(() => {
  const filters = document.querySelector(".filters");
  filters.hidden = false;
  const checked = (name) => new Set([...filters.querySelectorAll("input[name=" + name + "]")].filter((box) => box.checked).map((box) => box.value));
  const render = (all) => {
    const severities = all ? new Set(${JSON.stringify(SEVERITIES)}) : checked("severity");
    const frameworks = all ? null : checked("framework");
    const shownAll = new Set();
    for (const section of document.querySelectorAll("section[data-framework]")) {
      const on = !frameworks || frameworks.has(section.dataset.framework);
      section.classList.toggle("off", !on);
      const shown = new Set();
      for (const list of section.querySelectorAll("tr.findings")) {
        let visible = 0;
        for (const row of list.querySelectorAll("tr[data-finding]")) {
          const show = severities.has(row.dataset.severity);
          row.classList.toggle("off", !show);
          if (show) {
            visible++;
            shown.add(row.dataset.finding);
            if (on) shownAll.add(row.dataset.finding);
          }
        }
        list.classList.toggle("off", visible === 0);
        const count = list.previousElementSibling.querySelector("[data-visible-count]");
        count.textContent = String(visible);
        count.nextElementSibling.hidden = visible === Number(count.parentElement.dataset.findings);
      }
      section.querySelector("[data-shown-findings]").textContent = String(shown.size);
    }
    document.querySelector("[data-shown-total]").textContent = String(shownAll.size);
  };
  filters.addEventListener("change", () => render(false));
  window.addEventListener("beforeprint", () => render(true));
  window.addEventListener("afterprint", () => render(false));
  render(false);
})();
`;

function attr(name: string, value: string): string {
  return ` ${name}="${escapeHtml(value)}"`;
}

/** A donut of the control statuses: one arc per status on a circle of circumference 100. */
function chart(result: FrameworkResult): string {
  const total = result.controls.length;
  const arcs: string[] = [];
  let offset = 0;
  for (const status of CONTROL_STATUSES) {
    const count = result.totals.controls[status];
    if (count === 0 || total === 0) continue;
    const share = (count / total) * 100;
    arcs.push(
      `<circle cx="21" cy="21" r="15.9155" fill="none" stroke="${STATUS_COLOR[status]}" stroke-width="6" stroke-dasharray="${share.toFixed(3)} ${(100 - share).toFixed(3)}" stroke-dashoffset="${(25 - offset).toFixed(3)}"${attr("data-status", status)}><title>${escapeHtml(`${count} ${STATUS_LABEL[status]}`)}</title></circle>`,
    );
    offset += share;
  }
  const failing = result.totals.controls.fail;
  const label = `${result.name}: ${plural(failing, "control")} of ${total} fail`;
  return [
    `<svg viewBox="0 0 42 42" role="img"${attr("aria-label", label)}>`,
    `<circle cx="21" cy="21" r="15.9155" fill="none" stroke="#eef1f4" stroke-width="6"/>`,
    ...arcs,
    `<text x="21" y="21.5" text-anchor="middle" font-size="6.5" font-weight="700" fill="${failing ? STATUS_COLOR.fail : STATUS_COLOR.pass}">${failing}/${total}</text>`,
    `<text x="21" y="27" text-anchor="middle" font-size="4" fill="#59636e">fail</text>`,
    `</svg>`,
  ].join("");
}

function legend(result: FrameworkResult): string {
  const items = CONTROL_STATUSES.map(
    (status) =>
      `<li${attr("data-status", status)}><span class="swatch" style="background:${STATUS_COLOR[status]}"></span><span data-count>${result.totals.controls[status]}</span> ${escapeHtml(STATUS_LABEL[status])}</li>`,
  );
  const partial = result.totals.partial > 0 ? `<li class="muted">${plural(result.totals.partial, "control")} checked only partly</li>` : "";
  return `<ul class="legend">${items.join("")}${partial}</ul>`;
}

function statusBadges(control: ControlResult): string {
  const partial = control.coverage === "partial" ? `<span class="partial" title="partly checked">partly checked</span>` : "";
  return `<span class="status ${control.status}">${escapeHtml(STATUS_LABEL[control.status])}</span>${partial}`;
}

/** A phrase as a sentence of its own: capital first, full stop last. */
function asSentence(phrase: string): string {
  return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;
}

function controlNote(control: ControlResult): string {
  if ((control.coverage === "partial" || control.status === "not-static") && control.limits) return `<span class="limits">${escapeHtml(control.limits)}</span>`;
  if (control.status === "not-checked") return `<span class="limits">${escapeHtml(asSentence(notCheckedReason(control)))}</span>`;
  return "";
}

/** Escaped, with a line break allowed after each slash of a path or an object's name. */
function breakable(text: string): string {
  return escapeHtml(text).replace(/\//g, "/<wbr>");
}

function findingRow(finding: Finding, id: number, link: Linker): string {
  const where = breakable(locationText(finding));
  const href = link(finding);
  const location = href ? `<a class="mono"${attr("href", href)}>${where}</a>` : `<span class="mono">${where}</span>`;
  return [
    `<tr${attr("data-finding", String(id))}${attr("data-severity", finding.severity)}${attr("data-rule", finding.ruleId)}>`,
    `<td class="severity severity-${finding.severity}">${finding.severity}</td>`,
    `<td class="location">${location}</td>`,
    `<td class="mono">${finding.object ? breakable(objectLabel(finding.object)) : ""}</td>`,
    `<td><a class="mono"${attr("href", helpUri(finding.ruleId))}>${escapeHtml(finding.ruleId)}</a></td>`,
    `<td class="message">${escapeHtml(displayMessage(finding))}</td>`,
    `</tr>`,
  ].join("");
}

function controlRows(control: ControlResult, ids: ReadonlyMap<Finding, number>, link: Linker): string {
  const rules = control.rules
    .map((rule) => `<a class="mono"${attr("href", helpUri(rule))}>${escapeHtml(rule)}</a>${control.ran.includes(rule) ? "" : ` <span class="muted" title="did not run">(off)</span>`}`)
    .join(", ");
  const count = control.findings.length;
  const row = [
    `<tr class="control"${attr("data-control", control.id)}${attr("data-status", control.status)}${attr("data-coverage", control.coverage)}>`,
    `<td class="mono">${escapeHtml(control.id)}</td>`,
    `<td>${escapeHtml(control.title)}${controlNote(control)}</td>`,
    `<td>${statusBadges(control)}</td>`,
    `<td>${rules}</td>`,
    `<td${attr("data-findings", String(count))}>${count > 0 ? `<span data-visible-count>${count}</span><span class="screen-only muted" hidden> of ${count}</span>` : "0"}</td>`,
    `</tr>`,
  ].join("");
  if (count === 0) return row;
  const findings = control.findings.map((finding) => findingRow(finding, ids.get(finding) ?? 0, link)).join("\n");
  return `${row}\n<tr class="findings"${attr("data-control", control.id)}><td colspan="5"><table class="finding-list"><colgroup><col class="severity"><col class="location"><col class="object"><col class="rule"><col></colgroup><tbody>\n${findings}\n</tbody></table></td></tr>`;
}

function frameworkSection(result: FrameworkResult, ids: ReadonlyMap<Finding, number>, link: Linker): string {
  const version = result.version ? ` <span class="muted">${escapeHtml(result.version)}</span>` : "";
  const severities = SEVERITIES.map((severity) => `<span${attr("data-severity", severity)}>${result.totals.bySeverity[severity]} ${severity}</span>`).join(", ");
  return [
    `<section class="framework"${attr("data-framework", result.selection)}${attr("id", `framework-${result.selection}`)}>`,
    `<h2>${escapeHtml(result.name)}${version} <code class="muted">${result.selection}</code></h2>`,
    `<div class="overview">${chart(result)}<div>${legend(result)}`,
    `<p class="totals">${plural(result.totals.findings, "finding")}: ${severities}. <span class="screen-only muted">Shown: <span data-shown-findings>${result.totals.findings}</span> of ${result.totals.findings}.</span></p>`,
    `<p class="muted"><a${attr("href", result.informationUri)}>About the framework</a></p></div></div>`,
    `<table class="controls"><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Rules</th><th>Findings</th></tr></thead><tbody>`,
    ...result.controls.map((control) => controlRows(control, ids, link)),
    `</tbody></table>`,
    `</section>`,
  ].join("\n");
}

function checkbox(name: string, value: string, label: string): string {
  return `<label><input type="checkbox"${attr("name", name)}${attr("value", value)} checked> ${escapeHtml(label)}</label>`;
}

export function formatHtml(report: ComplianceReport, link: Linker, options: HtmlOptions = {}): string {
  // Each finding's number, shared by its rows under several controls, so counts count it once.
  const ids = new Map<Finding, number>();
  for (const result of report.frameworks) for (const control of result.controls) for (const finding of control.findings) if (!ids.has(finding)) ids.set(finding, ids.size);
  const scanned = `${plural(report.stats.objects, "object")} in ${plural(report.stats.files, "file")}`;
  const generated = options.generatedAt ? `, made ${options.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "";
  const suppressed = report.suppressed > 0 ? ` ${plural(report.suppressed, "suppressed finding")} fail${report.suppressed === 1 ? "s" : ""} no control.` : "";
  const unlinted =
    report.unlinted.length > 0
      ? `<div class="warning" data-unlinted="${report.unlinted.length}"><strong>${plural(report.unlinted.length, "input")} could not be linted</strong>, so a control may pass that would fail:<ul>${report.unlinted.map((finding) => `<li><span class="mono">${escapeHtml(locationText(finding))}</span> ${escapeHtml(displayMessage(finding))}</li>`).join("")}</ul></div>`
      : "";
  const contents = report.frameworks.map((result) => `<li><a${attr("href", `#framework-${result.selection}`)}>${escapeHtml(result.name)}</a>: ${result.totals.controls.fail} of ${result.controls.length} controls fail</li>`);
  return [
    `<!DOCTYPE html>`,
    `<html lang="en">`,
    `<head>`,
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta name="generator" content="kubeward ${escapeHtml(report.toolVersion)}">`,
    `<title>kubeward compliance report</title>`,
    `<style>${STYLE}</style>`,
    `</head>`,
    `<body>`,
    `<header><h1>Compliance report</h1><p class="meta">kubeward ${escapeHtml(report.toolVersion)}: ${scanned}${generated}.${suppressed} Each control fails when a rule that checks it has findings, passes when its rules checked objects among the inputs and found nothing; what a linter cannot see, and what nothing among the inputs let it check, is marked.</p></header>`,
    unlinted,
    `<ul>${contents.join("")}</ul>`,
    `<form class="filters" hidden onsubmit="return false">`,
    `<fieldset><legend>Severity</legend>${SEVERITIES.map((severity) => checkbox("severity", severity, severity)).join("")}</fieldset>`,
    `<fieldset><legend>Framework</legend>${report.frameworks.map((result) => checkbox("framework", result.selection, result.selection)).join("")}</fieldset>`,
    `<span>Findings shown: <strong data-shown-total>${ids.size}</strong> of ${ids.size}</span>`,
    `</form>`,
    ...report.frameworks.map((result) => frameworkSection(result, ids, link)),
    `<script>${SCRIPT}</script>`,
    `</body>`,
    `</html>`,
    ``,
  ].join("\n");
}
