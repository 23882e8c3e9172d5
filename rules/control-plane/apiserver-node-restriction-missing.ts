import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "enable-admission-plugins",
  requirement: { kind: "listIncludes", item: "NodeRestriction" },
  expected: "a list that includes NodeRestriction",
  meta: {
    id: "apiserver-node-restriction-missing",
    title: "The API server does not restrict what kubelets may change",
    severity: "high",
    rationale:
      "The NodeRestriction admission plugin limits each kubelet to changing its own Node object and the pods bound to it, and stops kubelets from setting `node-restriction.kubernetes.io/` labels. It is not on by default; without it a compromised node can relabel other nodes to attract workloads. kubeadm enables it.",
    remediation:
      "Add NodeRestriction to `--enable-admission-plugins`, with Node in `--authorization-mode`.",
    frameworks: [{ framework: "CIS", control: "1.2.14" }, { framework: "PCI-DSS", control: "2.2" }, { framework: "PCI-DSS", control: "7.3" }],
    equivalents: { checkov: ["CKV_K8S_85"], trivy: ["KCV0016"] },
  },
});
