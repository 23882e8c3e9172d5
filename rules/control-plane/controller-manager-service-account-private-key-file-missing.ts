import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-controller-manager",
  flag: "service-account-private-key-file",
  requirement: { kind: "set" },
  expected: "the key ServiceAccount tokens are signed with",
  suggested: "/etc/kubernetes/pki/sa.key",
  meta: {
    id: "controller-manager-service-account-private-key-file-missing",
    title: "The controller manager has no key to sign ServiceAccount tokens",
    severity: "medium",
    rationale:
      "`--service-account-private-key-file` is the key the controller manager's token controllers sign ServiceAccount tokens with; without it they issue none, and keys cannot be rotated apart from the API server's serving key.",
    remediation:
      "Set `--service-account-private-key-file` to the private half of the API server's `--service-account-key-file` (kubeadm: sa.key).",
    frameworks: [{ framework: "CIS", control: "1.3.4" }, { framework: "PCI-DSS", control: "2.2" }, { framework: "PCI-DSS", control: "8.6" }],
    equivalents: { checkov: ["CKV_K8S_110"], trivy: ["KCV0036"] },
  },
});
