import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "audit-policy-file",
  requirement: { kind: "set" },
  expected: "an audit Policy file",
  suggested: "/etc/kubernetes/audit-policy.yaml",
  meta: {
    id: "apiserver-audit-policy-file-missing",
    title: "The API server has no audit policy",
    severity: "medium",
    rationale:
      "kube-apiserver records audit events only for the rules of the Policy that `--audit-policy-file` names; without the flag no event is recorded, even with `--audit-log-path` set.",
    remediation:
      "Write an audit Policy (at least Metadata level for everything, and no request bodies for Secrets) and set `--audit-policy-file` to it.",
    frameworks: [
      { framework: "CIS", control: "3.2.1" },
      { framework: "MITRE-ATT&CK", control: "T1562" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "10.2" },
      { framework: "NSA-CISA", control: "logging/audit-logging" },
    ],
    equivalents: {},
  },
});
