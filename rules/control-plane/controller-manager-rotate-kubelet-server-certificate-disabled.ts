import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-controller-manager",
  flag: "feature-gates",
  requirement: { kind: "gateNotFalse", gate: "RotateKubeletServerCertificate" },
  expected: "without RotateKubeletServerCertificate=false",
  meta: {
    id: "controller-manager-rotate-kubelet-server-certificate-disabled",
    title: "The controller manager turns off kubelet serving certificate rotation",
    severity: "medium",
    rationale:
      "The RotateKubeletServerCertificate feature gate (on by default since Kubernetes 1.12) lets kubelets request and renew serving certificates from the cluster CA. Setting it to false in `--feature-gates` stops that, so kubelets keep self-signed or expiring serving certificates. `--feature-gates` is read as Kubernetes reads it: pairs separated by commas, repeated flags merged, the last pair for a gate winning.",
    remediation:
      "Remove `RotateKubeletServerCertificate=false` from `--feature-gates`.",
    frameworks: [{ framework: "CIS", control: "1.3.6" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_112"], trivy: ["KCV0038"] },
  },
});
