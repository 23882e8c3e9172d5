import { describe, expect, it, vi } from "vitest";
import { annotate, type LevelCounts } from "../../src/action/annotations.js";
import type { Finding } from "../../src/engine/finding.js";

function finding(severity: Finding["severity"], file: string, region: Finding["region"]): Finding {
  return { ruleId: `rule-${severity}`, severity, message: `${severity} at ${file}.`, file, region };
}

/** The workflow commands annotate() prints. */
function printed(run: () => void): string[] {
  const lines: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk).trimEnd());
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines;
}

describe("annotate", () => {
  it("sends columns only for a one-line span, as GitHub requires", () => {
    const lines = printed(() =>
      annotate(
        [
          finding("high", "a.yaml", { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 }),
          finding("high", "b.yaml", { startLine: 3, startColumn: 5, endLine: 6, endColumn: 2 }),
          finding("high", "", { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }),
        ],
        { error: 10, warning: 10, note: 10 },
      ),
    );
    expect(lines).toEqual([
      "::error title=rule-high,file=a.yaml,line=3,endLine=3,col=5,endColumn=9::high at a.yaml.",
      "::error title=rule-high,file=b.yaml,line=3,endLine=6::high at b.yaml.",
      "::error title=rule-high::high at .",
    ]);
  });

  it("puts critical before high within the error level, and counts what does not fit", () => {
    const region = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 };
    const findings = [finding("low", "a.yaml", region), finding("high", "a.yaml", region), finding("medium", "a.yaml", region), finding("critical", "z.yaml", region)];
    let omitted: LevelCounts | undefined;
    const lines = printed(() => {
      omitted = annotate(findings, { error: 1, warning: 1, note: 0 });
    });
    expect(lines.map((line) => line.replace(/ .*::/, " "))).toEqual(["::error critical at z.yaml.", "::warning medium at a.yaml."]);
    expect(omitted).toEqual({ error: 1, warning: 0, note: 1 });
  });
});
