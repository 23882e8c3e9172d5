import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/engine/finding.js";
import { formatMarkdown } from "../../src/report/markdown.js";
import { finding, report } from "./compliance-fixture.js";

const link = (f: Finding): string => `../${f.file}#L${f.region.startLine}`;

function rowOf(markdown: string, control: string): string | undefined {
  return markdown.split("\n").find((line) => line.startsWith(`| ${control} |`));
}

describe("formatMarkdown", () => {
  const privileged = finding("privileged", { message: 'container "web" runs privileged.' });
  const markdown = formatMarkdown(report([privileged]), link);

  it("has a heading and a totals line per framework", () => {
    expect(markdown).toContain("## PCI DSS 4.0.1 (`pci-dss`)\n");
    expect(markdown).toContain("5 controls: 1 fail, 2 pass, 1 not checkable statically, 1 not checked (1 of them partly checked). 1 finding: 1 critical, 0 high, 0 medium, 0 low.");
    expect(markdown).toContain("## Pod Security Standards: Restricted (`pss-restricted`)\n");
  });

  it("has a table row per control with its status in words, limits included", () => {
    expect(rowOf(markdown, "1.3")).toBe("| 1.3 | Network access is restricted | pass | `not-isolated` | 0 |");
    expect(rowOf(markdown, "2.2")).toBe("| 2.2 | System components are configured securely | fail, partly checked: Hardening of the nodes themselves is out of sight. | `privileged`, `runs-as-root` | 1 |");
    expect(rowOf(markdown, "12.1")).toBe("| 12.1 | A security policy is maintained | not checkable statically: A written policy, known to the people who follow it. |  | 0 |");
    expect(rowOf(markdown, "8.3")).toBe("| 8.3 | Strong authentication | not checked: its rules are off in this run | `weak-auth` (off) | 0 |");
  });

  it("lists a failing control's findings with file:line links", () => {
    expect(markdown).toContain("**2.2 System components are configured securely**: fail, 1 finding\n\n");
    expect(markdown).toContain(`- critical \`privileged\` [deploy/app.yaml:${privileged.region.startLine}:3](../deploy/app.yaml#L${privileged.region.startLine}) Deployment/shop/web: container "web" runs privileged.\n`);
  });

  it("caps the findings per control and in all, and says so", () => {
    const many = Array.from({ length: 25 }, () => finding("privileged"));
    const capped = formatMarkdown(report(many, ["pci-dss"]), link, { perControl: 10 });
    expect(capped.match(/^- critical `privileged`/gm)).toHaveLength(10);
    expect(capped).toContain("- … and 15 more\n");
    expect(capped).toContain("15 findings under failing controls are not listed, to keep this short enough for a GitHub job summary");
    const tight = formatMarkdown(report(many, ["pss-baseline", "pci-dss"]), link, { perControl: 10, total: 12 });
    expect(tight.match(/^- critical `privileged`/gm)).toHaveLength(12);
    expect(tight).toContain("- … and 15 more\n");
    expect(tight).toContain("- … and 23 more\n");
  });

  it("stays under GitHub's 1 MiB step summary however many findings there are", () => {
    const many = Array.from({ length: 30_000 }, (_, index) => finding(index % 2 ? "privileged" : "runs-as-root", { message: "x".repeat(300) }));
    const big = formatMarkdown(report(many, ["pss-baseline", "pss-restricted", "pci-dss"]), link);
    expect(Buffer.byteLength(big)).toBeLessThan(1 << 20);
  });

  it("escapes what would turn into HTML, emphasis, links or cell breaks", () => {
    const nasty = finding("privileged", { message: "a <script>alert(1)</script> | *b* [c](d) `e`", object: { apiVersion: "v1", kind: "Pod", name: "<img src=x>" } });
    const text = formatMarkdown(report([nasty], ["pss-baseline"]), () => undefined);
    const item = text.split("\n").find((line) => line.startsWith("- critical"));
    expect(item).toBe(
      `- critical \`privileged\` deploy/app.yaml:${nasty.region.startLine}:3 Pod/&#60;img src=x&#62;: a &#60;script&#62;alert(1)&#60;/script&#62; \\| \\*b\\* \\[c\\](d) \\\`e\\\``,
    );
  });

  it("names input that could not be linted first", () => {
    const text = formatMarkdown(report([finding("kubeward/parse-error", { message: "cannot parse" })], ["pci-dss"]), link);
    expect(text.indexOf("**1 input could not be linted**")).toBeGreaterThan(0);
    expect(text.indexOf("**1 input could not be linted**")).toBeLessThan(text.indexOf("## PCI DSS"));
  });
});
