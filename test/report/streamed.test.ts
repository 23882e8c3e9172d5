import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/finding.js";
import { FINDINGS_PER_PIECE, formatJson, jsonPieces } from "../../src/report/json.js";
import { RESULTS_PER_PIECE, sarifReport } from "../../src/report/sarif.js";
import { textPieces } from "../../src/report/text.js";
import { compactPieces } from "../../src/report/compact.js";
import { reportText, type ReportInput } from "../../src/report/report.js";
import { writeReportFile } from "../../src/options.js";
import { ALL_RULE_META } from "../../src/registry.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kubeward-stream-"));
  dirs.push(dir);
  return dir;
};

const finding = (index: number): Finding => ({
  ruleId: "privileged-container",
  severity: index % 3 ? "low" : "critical",
  message: `finding ${index}: "quoted"\nand a line break`,
  file: `dir/f${index % 7}.yaml`,
  region: { startLine: index + 1, startColumn: 1, endLine: index + 1, endColumn: 2 },
  object: { apiVersion: "v1", kind: "Pod", name: `p${index}`, namespace: "ns" },
  path: ["spec", "containers", 0, "securityContext"],
  ...(index % 5 === 0 ? { suppression: { kind: "comment" as const, reason: "audited" } } : {}),
});
const findings = (count: number): Finding[] => Array.from({ length: count }, (_, index) => finding(index));
const input = (list: Finding[], allResults = false): ReportInput => ({
  findings: list,
  rules: ALL_RULE_META,
  toolVersion: "1.0.0",
  stats: { files: 1, objects: 1 },
  color: false,
  sarif: { allResults },
});

describe("the JSON report, made a hundred findings at a time", () => {
  for (const count of [0, 1, FINDINGS_PER_PIECE - 1, FINDINGS_PER_PIECE, 25 * FINDINGS_PER_PIECE + 1]) {
    it(`is JSON.stringify's two-space layout of the array, with ${count} findings`, () => {
      const pieces = [...jsonPieces(input(findings(count)))];
      const text = pieces.join("");
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
      expect((JSON.parse(text) as unknown[]).length).toBe(count);
      expect(pieces.length).toBe(count === 0 ? 1 : Math.ceil(count / FINDINGS_PER_PIECE) + 1);
      expect(formatJson(input(findings(count)))).toBe(text);
    });
  }
});

describe("the SARIF report with every result, made as it is written", () => {
  it("is the bytes of the limited report when no limit is reached, in pieces of a hundred results", () => {
    const list = findings(25 * RESULTS_PER_PIECE + 1);
    const streamed = [...sarifReport(input(list, true)).pieces];
    // The text before the results, 26 pieces of results, the text after them.
    expect(streamed.length).toBe(28);
    expect(streamed.join("")).toBe(reportText(sarifReport(input(list)).pieces));
  });

  it("is the bytes of the limited report, encoded once, when results hold characters of several UTF-8 bytes", () => {
    // Each message holds more UTF-8 bytes than UTF-16 code units, so the encoded results outgrow the first buffer.
    const list = findings(300).map((entry, index) => ({ ...entry, message: `${entry.message} µ€ 😀 ${"é".repeat(index)}` }));
    const limited = [...sarifReport(input(list)).pieces];
    expect(limited.map((piece) => typeof piece)).toEqual(["string", "object", "string"]);
    const text = reportText(limited);
    expect(text).toBe([...sarifReport(input(list, true)).pieces].join(""));
    const log = JSON.parse(text) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(log.runs[0].results[299].message.text).toContain(`µ€ 😀 ${"é".repeat(299)}`);
    const file = path.join(tempDir(), "out.sarif");
    writeReportFile(file, sarifReport(input(list)).pieces);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("makes a piece's results only when the piece is read", () => {
    const list = findings(3 * RESULTS_PER_PIECE);
    const report = sarifReport(input(list, true));
    const iterator = report.pieces[Symbol.iterator]();
    iterator.next();
    iterator.next();
    // The first hundred results are made; the others are not yet: a finding past them that cannot be written fails only now.
    const past = RESULTS_PER_PIECE + 1;
    list[past] = { ...list[past], region: undefined as unknown as Finding["region"] };
    expect(() => iterator.next()).toThrow();
  });
});

describe("the text and compact reports, made as they are written", () => {
  it("text: a piece per file, then the summary, each made when read", () => {
    const list = findings(30);
    const iterator = textPieces(input(list))[Symbol.iterator]();
    const first: unknown = iterator.next().value;
    const message = 'finding N: "quoted"\nand a line break  privileged-container';
    expect(first).toBe(
      [
        "dir/f1.yaml",
        `  2:1   note     ${message.replace("N", "1")}`,
        `  9:1   note     ${message.replace("N", "8")}`,
        `  23:1  note     ${message.replace("N", "22")}`,
        `  30:1  note     ${message.replace("N", "29")}`,
        "",
        "",
      ].join("\n"),
    );
    // Later files' lines are not made yet: a finding of a later file that cannot be written fails only now.
    Object.defineProperty(list[2], "region", {
      get: () => {
        throw new Error("read");
      },
    });
    expect(() => [...{ [Symbol.iterator]: () => iterator }]).toThrow("read");
    const pieces = [...textPieces(input(findings(30)))];
    expect(pieces.length).toBe(7 + 1);
    expect(pieces.at(-1)).toBe("✖ 24 problems (8 errors, 0 warnings, 16 notes) in 1 object in 1 file, 6 suppressed.\n");
  });

  it("compact: a piece per thousand lines", () => {
    // A fifth of the findings are suppressed, and compact leaves those out.
    const pieces = [...compactPieces(input(findings(2600)))];
    expect(pieces.map((piece) => piece.match(/\[privileged-container\]\n/g)?.length)).toEqual([1000, 1000, 80]);
    expect(pieces[0].split("\n").slice(0, 2).join("\n")).toBe('dir/f1.yaml:2:1: note: finding 1: "quoted"\nand a line break [privileged-container]');
  });
});

describe("writeReportFile", () => {
  const failing = function* (): Generator<string> {
    yield '{"partial": ';
    throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
  };

  it("writes every piece, and leaves no partial file beside it", () => {
    const dir = tempDir();
    writeReportFile(path.join(dir, "report.json"), ["[", "1", "]\n"]);
    expect(readFileSync(path.join(dir, "report.json"), "utf8")).toBe("[1]\n");
    expect(readdirSync(dir)).toEqual(["report.json"]);
  });

  it("on an error halfway, throws it, writes nothing under the report's name and removes the partial file", () => {
    const dir = tempDir();
    expect(() => { writeReportFile(path.join(dir, "report.sarif"), failing()); }).toThrow("no space left on device");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("on an error halfway, leaves an earlier report as it was", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "report.sarif"), "earlier\n");
    expect(() => { writeReportFile(path.join(dir, "report.sarif"), failing()); }).toThrow("no space left on device");
    expect(readFileSync(path.join(dir, "report.sarif"), "utf8")).toBe("earlier\n");
    expect(readdirSync(dir)).toEqual(["report.sarif"]);
  });

  it("replaces the file a symbolic link names, keeping the link", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "real.txt"), "old\n");
    symlinkSync("real.txt", path.join(dir, "link.txt"));
    writeReportFile(path.join(dir, "link.txt"), ["new\n"]);
    expect(readFileSync(path.join(dir, "real.txt"), "utf8")).toBe("new\n");
    expect(statSync(path.join(dir, "link.txt"), { throwIfNoEntry: false })?.isFile()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["link.txt", "real.txt"]);
  });

  it("writes a device in place (-o /dev/null), without a partial file beside it", () => {
    writeReportFile("/dev/null", ["text\n"]);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync("/dev").filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("refuses a folder with EISDIR, and a missing folder with ENOENT", () => {
    const dir = tempDir();
    expect(() => { writeReportFile(dir, ["x"]); }).toThrow(expect.objectContaining({ code: "EISDIR" }));
    expect(() => { writeReportFile(path.join(dir, "missing", "r.txt"), ["x"]); }).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(readdirSync(dir)).toEqual([]);
  });
});
