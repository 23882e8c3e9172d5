import { kubeletSettingRule } from "./kubelet-setting-rule.js";

/** The v1beta1 default of `eventRecordQPS` and of `--event-qps`. */
const DEFAULT_QPS = 50;

export default kubeletSettingRule({
  setting: { field: ["eventRecordQPS"], flag: "event-qps", type: "integer" },
  defaults: { config: DEFAULT_QPS, flags: DEFAULT_QPS },
  // 0 removes the limit; a negative value the kubelet rejects at start.
  isBad: (value) => typeof value === "number" && value !== 0 && value < DEFAULT_QPS,
  good: `${DEFAULT_QPS} or more, or 0 for no limit`,
  risk: "the kubelet sends fewer events a second than by default, so bursts of events (failed mounts, image pulls, evictions) queue and are dropped",
  meta: {
    id: "kubelet-event-qps-low",
    title: "Kubelet limits its events below the default rate",
    severity: "low",
    category: "control-plane",
    rationale:
      "`eventRecordQPS` (`--event-qps`) is the most events a second the kubelet creates in the API server; 0 means no limit, and the " +
      "default is 50 in a KubeletConfiguration and on the command line. Events beyond the limit wait in a queue that drops them when " +
      "full, and events are what a person or a detection tool reads to find failed image pulls, mounts, probes and evictions. The CIS " +
      "Benchmark (4.2.8) asks for a level that ensures appropriate event capture and leaves the number to a review; its kube-bench test " +
      "passes any value of 0 or more. This rule reports a limit lowered below the Kubernetes default (a negative value too, which the " +
      "kubelet refuses), the one case where the configuration itself says events are dropped sooner than upstream sizes for; whether " +
      "50 or more is enough for the cluster's event load is left to the review. 0 is not reported, though an unlimited rate lets a " +
      "noisy node load the API server.",
    remediation: "Remove `eventRecordQPS` (or `--event-qps`) to keep the default of 50, or set a higher value, or 0 for no limit.",
    frameworks: [{ framework: "CIS", control: "4.2.8" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: {},
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\neventRecordQPS: 5",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\neventRecordQPS: 50",
    },
  },
});
