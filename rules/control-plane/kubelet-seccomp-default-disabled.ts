import { kubeletSettingRule } from "./kubelet-setting-rule.js";

export default kubeletSettingRule({
  setting: { field: ["seccompDefault"], flag: "seccomp-default", type: "boolean" },
  defaults: { config: false, flags: false },
  isBad: (value) => value !== true,
  good: "true",
  risk: "containers that name no seccomp profile run Unconfined, with no system call filtered",
  meta: {
    id: "kubelet-seccomp-default-disabled",
    title: "Kubelet does not apply the RuntimeDefault seccomp profile by default",
    severity: "low",
    category: "control-plane",
    rationale:
      "`seccompDefault` (`--seccomp-default`) makes the kubelet give `RuntimeDefault` to every container whose pod and container " +
      "`securityContext` name no seccomp profile, so the container runtime's filter blocks the system calls (`unshare`, `keyctl`, " +
      "`bpf`, ...) that most kernel exploits use. Without it such containers run `Unconfined`, which the Pod Security baseline level " +
      "allows. It is false by default in a KubeletConfiguration, on the command line and under kubeadm, so leaving it out is reported. " +
      "It covers pods on the node whatever the manifests say, including those of namespaces without the restricted level; a workload " +
      "that needs more system calls says so with its own `seccompProfile`. Turning it on can break workloads that relied on Unconfined: " +
      "test them first.",
    remediation:
      "Set `seccompDefault: true` in the KubeletConfiguration (or pass `--seccomp-default`), after checking that workloads without a " +
      "seccomp profile run under RuntimeDefault; give those that cannot a profile of their own.",
    frameworks: [
      { framework: "CIS", control: "4.2.14" },
      { framework: "NSA-CISA", control: "pod-security/hardening-container-environments" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1068" },
    ],
    equivalents: {},
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nseccompDefault: false",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nseccompDefault: true",
    },
  },
});
