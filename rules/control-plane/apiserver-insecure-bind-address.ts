import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "insecure-bind-address",
  requirement: { kind: "absent" },
  expected: "not set",
  suggested: "0.0.0.0",
  meta: {
    id: "apiserver-insecure-bind-address",
    title: "The API server binds its insecure port",
    severity: "high",
    rationale:
      "`--insecure-bind-address` was the address of kube-apiserver's insecure port, which serves the whole API over HTTP with no authentication or authorization. The insecure port was removed in Kubernetes 1.24 (and off by default since 1.20); a manifest that still sets the flag is a leftover that opens the API to anyone on an old cluster.",
    remediation:
      "Remove `--insecure-bind-address` and `--insecure-port`.",
    frameworks: [
      { framework: "MITRE-ATT&CK", control: "T1190" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_86"] },
  },
});
