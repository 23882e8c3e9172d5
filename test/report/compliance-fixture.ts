import type { FrameworkData } from "../../src/core/frameworks.js";
import type { FrameworkSelection } from "../../src/core/framework-selection.js";
import type { Framework, FrameworkRef, RuleMeta, Severity } from "../../src/core/rule-meta.js";
import type { Finding } from "../../src/engine/finding.js";
import { complianceReport, type ComplianceReport } from "../../src/report/compliance.js";

/** Small framework data and rules for the report tests, so they do not move with the real data. */

const empty = (fullName: string): FrameworkData => ({ fullName, informationUri: `https://example.com/${fullName}`, controls: {} });

export const DATA: Record<Framework, FrameworkData> = {
  "PSS": {
    fullName: "Pod Security Standards",
    informationUri: "https://example.com/pss",
    controls: {
      "baseline/privileged": { title: "Privileged Containers", coverage: "checked" },
      "restricted/non-root": { title: "Running as Non-root", coverage: "partial", limits: "The image's USER is not in the manifest." },
    },
  },
  "CIS": empty("CIS"),
  "NSA-CISA": empty("NSA"),
  "PCI-DSS": {
    fullName: "PCI DSS",
    version: "4.0.1",
    informationUri: "https://example.com/pci",
    controls: {
      "1.3": { title: "Network access is restricted", coverage: "checked" },
      "2.2": { title: "System components are configured securely", coverage: "partial", limits: "Hardening of the nodes themselves is out of sight." },
      "10.2": { title: "Audit logs", coverage: "checked" },
      "12.1": { title: "A security policy is maintained", coverage: "not-static", limits: "A written policy, known to the people who follow it." },
      "8.3": { title: "Strong authentication", coverage: "checked" },
    },
  },
  "MITRE-ATT&CK": empty("MITRE"),
};

function meta(id: string, severity: Severity, frameworks: FrameworkRef[], extra: Partial<RuleMeta> = {}): RuleMeta {
  return { id, title: id, severity, category: "workload", rationale: "", remediation: "", frameworks, equivalents: {}, ...extra };
}

export const RULES: RuleMeta[] = [
  meta("privileged", "critical", [{ framework: "PSS", control: "baseline/privileged" }, { framework: "PCI-DSS", control: "2.2" }]),
  meta("runs-as-root", "medium", [{ framework: "PSS", control: "restricted/non-root" }, { framework: "PCI-DSS", control: "2.2" }]),
  meta("not-isolated", "high", [{ framework: "PCI-DSS", control: "1.3" }]),
  meta("audit-missing", "low", [{ framework: "PCI-DSS", control: "10.2" }]),
  meta("weak-auth", "high", [{ framework: "PCI-DSS", control: "8.3" }], { enabledByDefault: false }),
  meta("kubeward/parse-error", "high", [], { unlintedInput: true, category: "input" }),
];

/** The rules that ran: all but weak-auth, which is off. */
export const RAN = new Set(RULES.map((rule) => rule.id).filter((id) => id !== "weak-auth"));

let line = 0;

/** A finding of `ruleId` in `file`, on the next line. */
export function finding(ruleId: string, options: Partial<Finding> = {}): Finding {
  line++;
  const severity = RULES.find((rule) => rule.id === ruleId)?.severity ?? "low";
  return {
    ruleId,
    severity,
    message: `${ruleId} at line ${line}.`,
    file: "deploy/app.yaml",
    region: { startLine: line, startColumn: 3, endLine: line, endColumn: 9 },
    object: { apiVersion: "apps/v1", kind: "Deployment", name: "web", namespace: "shop" },
    ...options,
  };
}

export function report(findings: Finding[], selections: FrameworkSelection[] = ["pss-restricted", "pci-dss"], examined: ReadonlySet<string> = RAN): ComplianceReport {
  return complianceReport({ findings, rules: RULES, ran: RAN, examined, selections, stats: { files: 1, objects: 2 }, toolVersion: "9.9.9", frameworks: DATA });
}
