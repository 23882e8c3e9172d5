import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "profiling",
  boolean: true,
  requirement: { kind: "equals", value: "false", unset: "fails" },
  expected: "false",
  meta: {
    id: "apiserver-profiling-enabled",
    title: "The API server serves profiling data",
    severity: "low",
    rationale:
      "`--profiling` defaults to true: the api server serves Go's pprof handlers under `/debug/pprof`, which reveal its internals and let a caller with access to the path run CPU profiles that slow it down. kubeadm does not turn it off.",
    remediation:
      "Set `--profiling=false` unless you are debugging a performance problem.",
    frameworks: [{ framework: "CIS", control: "1.2.15" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_90"], trivy: ["KCV0018"] },
  },
});
