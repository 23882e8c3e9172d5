import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "audit-log-maxbackup",
  requirement: { kind: "atLeast", minimum: 10, unset: "fails" },
  expected: "10 or more",
  onlyWithFile: "audit-log-path",
  meta: {
    id: "apiserver-audit-log-maxbackup-low",
    title: "The API server's audit log keeps too little: audit-log-maxbackup below 10",
    severity: "low",
    rationale:
      "`--audit-log-maxbackup` is the number of rotated audit log files kept. Below 10, audit records are rotated away before an incident is noticed; absent, the benchmark counts it as not set. The rule looks only at API servers that write an audit log file (`--audit-log-path` set and not `-`); apiserver-audit-log-path-missing reports the others.",
    remediation:
      "Set `--audit-log-maxbackup=10` or more, as your retention policy requires.",
    frameworks: [
      { framework: "CIS", control: "1.2.18" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "10.5" },
      { framework: "NSA-CISA", control: "logging/audit-logging" },
    ],
    equivalents: { checkov: ["CKV_K8S_93"], trivy: ["KCV0021"] },
  },
});
