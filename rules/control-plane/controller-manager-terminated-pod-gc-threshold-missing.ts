import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-controller-manager",
  flag: "terminated-pod-gc-threshold",
  requirement: { kind: "set" },
  expected: "a threshold suited to the cluster",
  suggested: "10",
  meta: {
    id: "controller-manager-terminated-pod-gc-threshold-missing",
    title: "The controller manager keeps terminated pods up to its default threshold",
    severity: "low",
    enabledByDefault: false,
    rationale:
      "`--terminated-pod-gc-threshold` is how many terminated pods the pod garbage collector keeps before deleting the oldest; the default, 12500, can fill etcd and slow the API server on busy clusters. The benchmark marks this check manual, so the rule is off by default.",
    remediation:
      "Set `--terminated-pod-gc-threshold` to a number your cluster can hold (the benchmark's example is 10).",
    frameworks: [{ framework: "CIS", control: "1.3.1" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_106"], trivy: ["KCV0033"] },
  },
});
