import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "secure-port",
  requirement: { kind: "notEquals", value: "0" },
  expected: "a port other than 0",
  suggested: "6443",
  meta: {
    id: "apiserver-secure-port-disabled",
    title: "The API server turns off its secure port",
    severity: "high",
    rationale:
      "`--secure-port=0` turns off kube-apiserver's HTTPS port, leaving only insecure ways to reach the API (or none).",
    remediation:
      "Remove `--secure-port=0`; kubeadm uses 6443.",
    frameworks: [{ framework: "NSA-CISA", control: "network/control-plane-hardening" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_89"], trivy: ["KCV0017"] },
  },
});
