import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-controller-manager",
  flag: "root-ca-file",
  requirement: { kind: "set" },
  expected: "the CA bundle of the API server's serving certificate",
  suggested: "/etc/kubernetes/pki/ca.crt",
  meta: {
    id: "controller-manager-root-ca-file-missing",
    title: "Pods are not given the CA to verify the API server",
    severity: "medium",
    rationale:
      "`--root-ca-file` is the CA bundle the controller manager publishes as `ca.crt` in every namespace's kube-root-ca.crt ConfigMap and ServiceAccount token volume; without it pods cannot verify the API server's certificate and are pushed to skip verification.",
    remediation:
      "Set `--root-ca-file` to the CA that signs the API server's serving certificate (kubeadm: ca.crt).",
    frameworks: [{ framework: "CIS", control: "1.3.5" }, { framework: "MITRE-ATT&CK", control: "T1557" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_111"], trivy: ["KCV0037"] },
  },
});
