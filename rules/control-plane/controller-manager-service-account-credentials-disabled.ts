import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-controller-manager",
  flag: "use-service-account-credentials",
  boolean: true,
  requirement: { kind: "equals", value: "true", unset: "fails" },
  expected: "true",
  meta: {
    id: "controller-manager-service-account-credentials-disabled",
    title: "The controllers all act with the controller manager's own credentials",
    severity: "medium",
    rationale:
      "`--use-service-account-credentials` defaults to false: every controller then uses the controller manager's own credentials, which must hold the union of all controllers' permissions, and the audit log cannot tell which controller did what. Set to true, each controller gets its own ServiceAccount in kube-system with the `system:controller:` role made for it. kubeadm sets it.",
    remediation:
      "Set `--use-service-account-credentials=true`.",
    frameworks: [{ framework: "CIS", control: "1.3.3" }, { framework: "PCI-DSS", control: "2.2" }, { framework: "PCI-DSS", control: "7.2" }],
    equivalents: { checkov: ["CKV_K8S_108"], trivy: ["KCV0035"] },
  },
});
