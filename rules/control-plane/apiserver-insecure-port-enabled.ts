import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "insecure-port",
  requirement: { kind: "equals", value: "0", unset: "passes" },
  expected: "0 or not set",
  violating: "8080",
  meta: {
    id: "apiserver-insecure-port-enabled",
    title: "The API server opens its insecure port",
    severity: "critical",
    rationale:
      "A non-zero `--insecure-port` made kube-apiserver serve the whole API over HTTP with no authentication or authorization, on `--insecure-bind-address`. The port has been off by default since Kubernetes 1.20 and was removed in 1.24; a non-zero value is a leftover that, on an old cluster, hands out cluster-admin to anyone who can reach it.",
    remediation:
      "Remove `--insecure-port` (or set it to 0) and `--insecure-bind-address`.",
    frameworks: [
      { framework: "MITRE-ATT&CK", control: "T1190" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_88"] },
  },
});
