import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "kubelet-https",
  boolean: true,
  requirement: { kind: "equals", value: "true", unset: "passes" },
  expected: "true (the default)",
  violating: "false",
  meta: {
    id: "apiserver-kubelet-https-disabled",
    title: "The API server talks to kubelets over plain HTTP",
    severity: "high",
    rationale:
      "`--kubelet-https=false` made kube-apiserver call the kubelets over HTTP, so exec, attach and log streams crossed the network unencrypted. The flag was removed in Kubernetes 1.22; setting it is a leftover.",
    remediation:
      "Remove `--kubelet-https` (HTTPS is the default) and set `--kubelet-client-certificate` and `--kubelet-client-key`.",
    frameworks: [
      { framework: "MITRE-ATT&CK", control: "T1557" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_71"], trivy: ["KCV0004"] },
  },
});
