import { defineRule, describeContainer, workloadContainers } from "../../src/engine/api.js";
import { joinWithOr, missingResources, RESOURCE_CONTAINER_KINDS, RESOURCES_OPTION, resourceNames } from "./resources.js";

export default defineRule({
  meta: {
    id: "resource-requests-missing",
    title: "Container has no resource requests",
    severity: "low",
    category: "workload",
    rationale:
      "Without requests the scheduler places the pod as if it needed nothing, so nodes get overcommitted and the pod is among the " +
      "first evicted under memory pressure (BestEffort quality of service).",
    remediation:
      "Set `resources.requests` for each listed resource (e.g. `cpu: 100m`, `memory: 128Mi`) on the container. " +
      "A limit without a request also counts, since Kubernetes then uses the limit as the request.",
    frameworks: [{ framework: "NSA-CISA", control: "Network separation and hardening: resource policies" }],
    equivalents: {
      kubeLinter: ["unset-cpu-requirements", "unset-memory-requirements"],
      polaris: ["cpuRequestsMissing", "memoryRequestsMissing"],
      checkov: ["CKV_K8S_10", "CKV_K8S_12"],
      trivy: ["KSV015", "KSV016"],
      kubeScore: ["container-resources"],
    },
    options: { resources: RESOURCES_OPTION },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0",
      good: "containers:\n  - name: app\n    image: app:1.0\n    resources:\n      requests:\n        cpu: 100m\n        memory: 128Mi",
    },
  },
  *check(object, context) {
    const names = resourceNames(context.options);
    if (names.length === 0) return;
    for (const container of workloadContainers(object, RESOURCE_CONTAINER_KINDS)) {
      const missing = missingResources(container, "requests", names);
      if (missing.length === 0) continue;
      yield { path: [...container.path, "resources", "requests"], message: `${describeContainer(container)} sets no ${joinWithOr(missing)} request.` };
    }
  },
});
