import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failingDocument, helmDocuments, lineEnds, locateRenderedLine, renderedText, tagEveryLine } from "../../src/expand/helm/rendered-line.js";

describe("lineEnds and tagEveryLine: where a template line can carry a tag", () => {
  const template = [
    '{{- define "x.name" -}}', // 1: inside the define
    "{{ .Chart.Name }}", // 2: inside the define
    "{{- end }}", // 3: after it
    "metadata:", // 4
    '  name: {{ include "x.name" . -}}', // 5: the action trims the newline
    "  labels: {{ dict", // 6: inside a multi-line action
    '    "a" "}}" }}', // 7: a string holding }} does not close it
    "{{- /* a comment", // 8: inside a comment
    "   over lines */}}", // 9
    "data: {}", // 10: the last line, without a newline
  ].join("\n");

  it("tags lines outside actions and defines, and not those whose text runs on into the next line", () => {
    expect(lineEnds(template)).toEqual(["silent", "silent", "tagged", "tagged", "merged", "merged", "tagged", "merged", "tagged", "tagged"]);
  });

  it("puts a YAML comment naming the line before each tagged line's end, and nothing on the empty line after a final newline", () => {
    const text = "a: 1\r\n{{ if .x -}}\nb: 2\n";
    expect(tagEveryLine(text, lineEnds(text), "n0")).toBe("a: 1 # kubeward-n0:1\r\n{{ if .x -}}\nb: 2 # kubeward-n0:3\n");
  });
});

describe("renderedText: one template's text out of `helm template --debug`", () => {
  const dump = "---\n# Source: web/templates/a.yaml\na: 1\n\n---\n# Source: web/templates/b.yaml\nb: 1\n---\nb: 2\n";

  it("cuts each template's text out whole, its own separators and trailing newline included", () => {
    expect(renderedText(dump, "web/templates/a.yaml")).toBe("a: 1\n");
    expect(renderedText(dump, "web/templates/b.yaml")).toBe("b: 1\n---\nb: 2");
    expect(renderedText(dump, "web/templates/c.yaml")).toBeUndefined();
  });
});

describe("helmDocuments and failingDocument: the document helm's line number counts in", () => {
  it("splits and trims as helm does, so a document's line 1 is its first non-blank line", () => {
    const text = "\n# leading comment\n---\n\n  \napiVersion: v1\nkind: A\n---\n# c\n\nkind: B\n";
    expect(helmDocuments(text)).toEqual([
      { firstLine: 1, text: "# leading comment" },
      { firstLine: 5, text: "apiVersion: v1\nkind: A" },
      { firstLine: 8, text: "# c\n\nkind: B" },
    ]);
  });

  it("takes the document with a YAML error on that line, else the only one that long, else none", () => {
    const valid = { firstLine: 0, text: "a: 1\nb: 2\nc: 3" };
    const broken = { firstLine: 4, text: "a: 1\nb: 2\nc: d: 3" };
    expect(failingDocument([valid, broken], 3)).toBe(broken);
    expect(failingDocument([valid, { firstLine: 4, text: "a: 1" }], 3)).toBe(valid);
    expect(failingDocument([valid, { ...valid, firstLine: 4 }], 3)).toBeUndefined();
  });
});

describe("locateRenderedLine", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A chart whose template has no actions, so its rendered text is the template text: what helm --debug prints is known exactly. */
  function literalChart(template: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), "kubeward-rendered-line-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "templates"));
    writeFileSync(path.join(dir, "Chart.yaml"), "apiVersion: v2\nname: web\nversion: 0.1.0\n");
    writeFileSync(path.join(dir, "templates/cm.yaml"), template);
    return dir;
  }
  const debugOutput = (dir: string): string => `---\n# Source: web/templates/cm.yaml\n${readFileSync(path.join(dir, "templates/cm.yaml"), "utf8")}\n`;
  /** `printed` stands for helm --debug: what it prints for a chart folder. */
  const query = (chartDir: string, renderedLine: number, printed: (dir: string) => string) => ({
    chartDir,
    template: "templates/cm.yaml",
    helmPath: "web/templates/cm.yaml",
    renderedLine,
    renderDebug: (dir: string) => Promise.resolve(printed(dir)),
  });

  it("finds the template line of a rendered line in the document that fails, from the tag that ends it", async () => {
    const chartDir = literalChart("apiVersion: v1\nkind: ConfigMap\n---\n\napiVersion: v1\nkind: ConfigMap\ndata:\n  a: b: c\n");
    const place = await locateRenderedLine(query(chartDir, 4, debugOutput));
    expect(place).toEqual({
      region: { startLine: 8, startColumn: 3, endLine: 8, endColumn: 10 },
      note: " (line 4 of the rendered document; this template line wrote it)",
    });
  });

  it("is approximate, and says why, when helm prints no rendered text, the document is ambiguous, or the tagged render differs", async () => {
    const chartDir = literalChart("a: 1\nb: 2\n---\na: 1\nb: 2\n");
    const start = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
    const note = (why: string): string => ` (at line 2 of a document rendered from this template; ${why}, so this place is approximate)`;
    expect(await locateRenderedLine(query(chartDir, 2, () => ""))).toEqual({ region: start, note: note("helm --debug did not print the rendered text") });
    expect(await locateRenderedLine(query(chartDir, 2, debugOutput))).toEqual({
      region: start,
      note: note("more than one of its rendered documents could hold that line"),
    });
    const oneDocument = literalChart("a: 1\nb: c: 2\n");
    const differently = (dir: string): string => (dir === oneDocument ? debugOutput(dir) : "---\n# Source: web/templates/cm.yaml\na: 1\n\nb: c: 2\n");
    expect(await locateRenderedLine(query(oneDocument, 2, differently))).toEqual({
      region: start,
      note: note("the render with each template line tagged came out differently"),
    });
  });
});
