import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["podPidsLimit"], flag: "pod-max-pids", type: "integer" },
  // -1 is the v1beta1 default and the flag's; the kubelet sets a pod's pids.max only for a positive limit.
  defaults: { config: -1, flags: -1 },
  isBad: (value) => typeof value !== "number" || value <= 0,
  good: "4096",
  risk: "a pod may start processes until the node runs out of process IDs, so a fork bomb in one pod stops every pod on the node from starting processes",
  meta: {
    id: "kubelet-pod-pids-unlimited",
    title: "Kubelet sets no limit on the processes of a pod",
    severity: "low",
    category: "control-plane",
    rationale:
      "`podPidsLimit` (`--pod-max-pids`) is the most processes and threads the kubelet lets each pod hold (its cgroup's `pids.max`). " +
      "Process IDs are shared by the whole node, and no container resource limits them: without a limit, one pod that forks without " +
      "end (by a bug or on purpose) takes them all, and the other pods and the node's own daemons can no longer start processes. The " +
      "default is -1, no limit, in a KubeletConfiguration and on the command line, and kubeadm does not set one, so leaving it out is " +
      "reported; 0 and other negative values also set no limit. What limit suits depends on the workloads; the node-wide reservation " +
      "(`systemReserved`/`kubeReserved` `pid`, eviction on `pid.available`) is a further safeguard this rule does not check.",
    remediation:
      "Set `podPidsLimit` to a number above what the largest pod needs (e.g. 4096) in the KubeletConfiguration, or pass " +
      "`--pod-max-pids`.",
    frameworks: [
      { framework: "CIS", control: "4.2.13" },
      { framework: "NSA-CISA", control: "network/resource-policies" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: {},
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\npodPidsLimit: -1",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\npodPidsLimit: 4096",
    },
  },
});
