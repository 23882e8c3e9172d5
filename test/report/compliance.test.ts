import { describe, expect, it } from "vitest";
import { notCheckedReason, type ControlResult, type FrameworkResult } from "../../src/report/compliance.js";
import { RAN, finding, report } from "./compliance-fixture.js";

function control(result: FrameworkResult | undefined, id: string): ControlResult {
  const found = result?.controls.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
}

describe("complianceReport", () => {
  const privileged = finding("privileged");
  const root = finding("runs-as-root");
  const suppressed = finding("not-isolated", { suppression: { kind: "comment", reason: "reviewed" } });
  const result = report([privileged, root, suppressed]);
  const [pss, pci] = result.frameworks;

  it("has a result per selected framework, in the order selected", () => {
    expect(result.frameworks.map((framework) => [framework.selection, framework.framework, framework.name])).toEqual([
      ["pss-restricted", "PSS", "Pod Security Standards: Restricted"],
      ["pci-dss", "PCI-DSS", "PCI DSS"],
    ]);
    expect(pci.version).toBe("4.0.1");
  });

  it("fails a control whose rules have findings, listing them", () => {
    expect(control(pss, "baseline/privileged")).toMatchObject({ status: "fail", coverage: "checked", rules: ["privileged"], ran: ["privileged"], findings: [privileged] });
  });

  it("merges the findings of a control's rules in report order", () => {
    expect(control(pci, "2.2").findings).toEqual([privileged, root]);
  });

  it("marks a partly checked control, which still passes or fails, with its limits", () => {
    expect(control(pss, "restricted/non-root")).toMatchObject({ status: "fail", coverage: "partial", limits: "The image's USER is not in the manifest." });
  });

  it("checks no control whose rules met nothing among the inputs to check, and says so", () => {
    const unseen = report([], ["pci-dss"], new Set([...RAN].filter((id) => id !== "audit-missing")));
    const audit = control(unseen.frameworks[0], "10.2");
    expect(audit).toMatchObject({ status: "not-checked", ran: ["audit-missing"], examined: [] });
    expect(notCheckedReason(audit)).toBe("nothing among the inputs for its rules to check");
    expect(control(unseen.frameworks[0], "1.3")).toMatchObject({ status: "pass", examined: ["not-isolated"] });
    expect(notCheckedReason(control(pci, "8.3"))).toBe("its rules are off in this run");
  });

  it("passes a control whose rules ran and found nothing; a suppressed finding fails no control", () => {
    expect(control(pci, "1.3")).toMatchObject({ status: "pass", findings: [] });
    expect(control(pci, "10.2")).toMatchObject({ status: "pass", findings: [] });
    expect(result.suppressed).toBe(1);
  });

  it("says a control is not checkable statically, with what a linter cannot see", () => {
    expect(control(pci, "12.1")).toMatchObject({ status: "not-static", rules: [], limits: "A written policy, known to the people who follow it." });
  });

  it("says a control whose rules did not run is not checked", () => {
    expect(control(pci, "8.3")).toMatchObject({ status: "not-checked", rules: ["weak-auth"], ran: [] });
  });

  it("fails even a not-static control when a rule naming it has findings", () => {
    // The data can be wrong about what a linter sees; a finding is still shown.
    const fixture = report([finding("privileged")], ["pss-baseline"]);
    expect(fixture.frameworks[0].controls.map((c) => [c.id, c.status])).toEqual([["baseline/privileged", "fail"]]);
  });

  it("counts controls by status and distinct findings by severity", () => {
    expect(pci.totals).toEqual({
      controls: { fail: 1, pass: 2, "not-static": 1, "not-checked": 1 },
      partial: 1,
      findings: 2,
      bySeverity: { critical: 1, high: 0, medium: 1, low: 0 },
    });
    expect(pss.totals).toMatchObject({ controls: { fail: 2, pass: 0, "not-static": 0, "not-checked": 0 }, partial: 1, findings: 2 });
  });

  it("takes only baseline controls for pss-baseline, both levels for pss-restricted", () => {
    const both = report([], ["pss-baseline", "pss-restricted"]);
    expect(both.frameworks.map((framework) => framework.controls.map((c) => c.id))).toEqual([["baseline/privileged"], ["baseline/privileged", "restricted/non-root"]]);
    expect(both.frameworks[0].name).toBe("Pod Security Standards: Baseline");
  });

  it("lists input that could not be linted apart from the controls", () => {
    const broken = finding("kubeward/parse-error");
    const withBroken = report([broken, privileged]);
    expect(withBroken.unlinted).toEqual([broken]);
    expect(withBroken.frameworks.flatMap((framework) => framework.controls.flatMap((c) => c.findings))).not.toContain(broken);
  });

  it("names a framework selected twice once", () => {
    expect(report([], ["cis", "cis"]).frameworks).toHaveLength(1);
  });

  it("stays linear: 50,000 findings in well under a second", () => {
    const many = Array.from({ length: 50_000 }, (_, index) => finding(index % 2 ? "privileged" : "runs-as-root"));
    const started = performance.now();
    const big = report(many);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(control(big.frameworks[1], "2.2").findings).toHaveLength(50_000);
  });
});
