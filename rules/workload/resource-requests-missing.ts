import { missingResourcesRule } from "../templates/missing-resources.js";

export default missingResourcesRule({
  section: "requests",
  noun: "request",
  meta: {
    id: "resource-requests-missing",
    title: "Container has no resource requests",
    severity: "low",
    rationale:
      "Without requests the scheduler places the pod as if it needed nothing, so nodes get overcommitted and the pod is among the " +
      "first evicted under memory pressure (BestEffort quality of service).",
    remediation:
      "Set `resources.requests` for each listed resource (e.g. `cpu: 100m`, `memory: 128Mi`) on the container. " +
      "A limit without a request also counts, since Kubernetes then uses the limit as the request.",
    frameworks: [{ framework: "NSA-CISA", control: "network/resource-policies" }],
    equivalents: {
      kubeLinter: ["unset-cpu-requirements", "unset-memory-requirements"],
      polaris: ["cpuRequestsMissing", "memoryRequestsMissing"],
      checkov: ["CKV_K8S_10", "CKV_K8S_12"],
      trivy: ["KSV015", "KSV016"],
      kubeScore: ["container-resources"],
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0",
      good: "containers:\n  - name: app\n    image: app:1.0\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi",
    },
  },
});
