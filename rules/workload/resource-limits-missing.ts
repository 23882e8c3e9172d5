import { missingResourcesRule } from "../templates/missing-resources.js";

export default missingResourcesRule({
  section: "limits",
  noun: "limit",
  meta: {
    id: "resource-limits-missing",
    title: "Container has no resource limits",
    severity: "low",
    rationale:
      "A container without limits can take all the CPU and memory of its node, starving its neighbours: one compromised or " +
      "runaway workload becomes a denial of service for everything scheduled beside it.",
    remediation:
      "Set `resources.limits` for each listed resource (e.g. `memory: 256Mi`) on the container, or pod-level `spec.resources.limits`; " +
      "a namespace LimitRange can supply defaults, but the manifest alone does not show it. Many teams require memory limits but " +
      "no CPU limits (CPU limits throttle a container even on an idle node): set the `resources` option to `[memory]` for this rule.",
    frameworks: [{ framework: "NSA-CISA", control: "network/resource-policies" }, { framework: "MITRE-ATT&CK", control: "T1496" }],
    equivalents: {
      kubeLinter: ["unset-cpu-requirements", "unset-memory-requirements"],
      polaris: ["cpuLimitsMissing", "memoryLimitsMissing"],
      checkov: ["CKV_K8S_11", "CKV_K8S_13"],
      trivy: ["KSV011", "KSV018"],
      kubeScore: ["container-resources"],
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    resources:\n      requests:\n        memory: 128Mi",
      good:
        "containers:\n  - name: app\n    image: app:1.0\n    resources:\n      requests:\n        memory: 128Mi\n" +
        "      limits:\n        cpu: 500m\n        memory: 256Mi",
    },
  },
});
