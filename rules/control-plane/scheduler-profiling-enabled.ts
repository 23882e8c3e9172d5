import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-scheduler",
  flag: "profiling",
  boolean: true,
  requirement: { kind: "equals", value: "false", unset: "fails" },
  expected: "false",
  skipWith: "config",
  meta: {
    id: "scheduler-profiling-enabled",
    title: "The scheduler serves profiling data",
    severity: "low",
    rationale:
      "`--profiling` defaults to true: the scheduler serves Go's pprof handlers under `/debug/pprof`, which reveal its internals and let a caller with access to the path run CPU profiles that slow it down. kubeadm does not turn it off. With `--config`, the scheduler ignores the flag and reads `enableProfiling` from its KubeSchedulerConfiguration, which the rule does not read; it passes over such a scheduler.",
    remediation:
      "Set `--profiling=false` unless you are debugging a performance problem.",
    frameworks: [{ framework: "CIS", control: "1.4.1" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_114"], trivy: ["KCV0040"] },
  },
});
