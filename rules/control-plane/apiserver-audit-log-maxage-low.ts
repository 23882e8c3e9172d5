import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "audit-log-maxage",
  requirement: { kind: "atLeast", minimum: 30, unset: "fails" },
  expected: "30 or more",
  onlyWithFile: "audit-log-path",
  meta: {
    id: "apiserver-audit-log-maxage-low",
    title: "The API server's audit log keeps too little: audit-log-maxage below 30",
    severity: "low",
    rationale:
      "`--audit-log-maxage` is the number of days old audit log files are kept. Below 30, audit records are rotated away before an incident is noticed; absent, the benchmark counts it as not set. The rule looks only at API servers that write an audit log file (`--audit-log-path` set and not `-`); apiserver-audit-log-path-missing reports the others.",
    remediation:
      "Set `--audit-log-maxage=30` or more, as your retention policy requires.",
    frameworks: [
      { framework: "CIS", control: "1.2.17" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "10.5" },
      { framework: "NSA-CISA", control: "logging/audit-logging" },
    ],
    equivalents: { checkov: ["CKV_K8S_92"], trivy: ["KCV0020"] },
  },
});
