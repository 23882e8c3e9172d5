import { describe, expect, it } from "vitest";
import { rulesOfFrameworks, servesFramework, type FrameworkSelection } from "../../src/core/framework-selection.js";
import type { FrameworkRef } from "../../src/core/rule-meta.js";

const rule = (...frameworks: FrameworkRef[]) => ({ meta: { frameworks } });
const baseline = rule({ framework: "PSS", control: "baseline/privileged-containers" }, { framework: "CIS", control: "5.2.2" });
const restricted = rule({ framework: "PSS", control: "restricted/running-as-non-root" });
const rbac = rule({ framework: "CIS", control: "5.1.1" }, { framework: "MITRE-ATT&CK", control: "T1078" });
const tls = rule({ framework: "PCI-DSS", control: "4.2.1" }, { framework: "NSA-CISA", control: "encrypt traffic" });
const hygiene = rule();

describe("servesFramework", () => {
  it.each<[string, ReturnType<typeof rule>, FrameworkSelection, boolean]>([
    ["a baseline control is in pss-baseline", baseline, "pss-baseline", true],
    ["a baseline control is in pss-restricted too", baseline, "pss-restricted", true],
    ["a restricted control is not in pss-baseline", restricted, "pss-baseline", false],
    ["a restricted control is in pss-restricted", restricted, "pss-restricted", true],
    ["cis by any CIS control", rbac, "cis", true],
    ["mitre by any ATT&CK technique", rbac, "mitre", true],
    ["pci-dss", tls, "pci-dss", true],
    ["nsa", tls, "nsa", true],
    ["a rule of no framework serves none", hygiene, "cis", false],
  ])("%s", (_, subject, selection, expected) => {
    expect(servesFramework(subject.meta, selection)).toBe(expected);
  });

  it("selects every rule when no framework is given, else those of any selected one", () => {
    const rules = [baseline, restricted, rbac, tls, hygiene];
    expect(rulesOfFrameworks(rules, [])).toEqual(rules);
    expect(rulesOfFrameworks(rules, ["pss-baseline", "pci-dss"])).toEqual([baseline, tls]);
  });
});
