import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-controller-manager",
  flag: "profiling",
  boolean: true,
  requirement: { kind: "equals", value: "false", unset: "fails" },
  expected: "false",
  meta: {
    id: "controller-manager-profiling-enabled",
    title: "The controller manager serves profiling data",
    severity: "low",
    rationale:
      "`--profiling` defaults to true: the controller manager serves Go's pprof handlers under `/debug/pprof`, which reveal its internals and let a caller with access to the path run CPU profiles that slow it down. kubeadm does not turn it off.",
    remediation:
      "Set `--profiling=false` unless you are debugging a performance problem.",
    frameworks: [{ framework: "CIS", control: "1.3.2" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_107"], trivy: ["KCV0034"] },
  },
});
