import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "audit-log-path",
  requirement: { kind: "set" },
  expected: "the file the audit log is written to",
  suggested: "/var/log/kubernetes/audit/audit.log",
  meta: {
    id: "apiserver-audit-log-path-missing",
    title: "The API server writes no audit log",
    severity: "medium",
    rationale:
      "Without `--audit-log-path` (or an audit webhook) kube-apiserver keeps no record of who did what, so an intrusion cannot be traced. kubeadm does not set it.",
    remediation:
      "Set `--audit-log-path` to a file on a mounted volume, with `--audit-policy-file` and the rotation flags (`--audit-log-maxage`, `--audit-log-maxbackup`, `--audit-log-maxsize`).",
    frameworks: [
      { framework: "CIS", control: "1.2.16" },
      { framework: "MITRE-ATT&CK", control: "T1562" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "10.2" },
      { framework: "NSA-CISA", control: "logging/audit-logging" },
    ],
    equivalents: { checkov: ["CKV_K8S_91"], trivy: ["KCV0019"] },
  },
});
