import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "audit-log-maxsize",
  requirement: { kind: "atLeast", minimum: 100, unset: "fails" },
  expected: "100 or more",
  onlyWithFile: "audit-log-path",
  meta: {
    id: "apiserver-audit-log-maxsize-low",
    title: "The API server's audit log keeps too little: audit-log-maxsize below 100",
    severity: "low",
    rationale:
      "`--audit-log-maxsize` is the size in megabytes at which the audit log is rotated. Below 100, audit records are rotated away before an incident is noticed; absent, the benchmark counts it as not set. The rule looks only at API servers that write an audit log file (`--audit-log-path` set and not `-`); apiserver-audit-log-path-missing reports the others.",
    remediation:
      "Set `--audit-log-maxsize=100` or more, as your retention policy requires.",
    frameworks: [
      { framework: "CIS", control: "1.2.19" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "10.5" },
      { framework: "NSA-CISA", control: "logging/audit-logging" },
    ],
    equivalents: { checkov: ["CKV_K8S_94"], trivy: ["KCV0022"] },
  },
});
