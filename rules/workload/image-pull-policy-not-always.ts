import { defineRule } from "../../src/engine/rule.js";
import { describeContainer, workloadContainers } from "../../src/engine/workload.js";
import { parseImageReference, usesLatestTag } from "./image-reference.js";

export default defineRule({
  meta: {
    id: "image-pull-policy-not-always",
    title: "Image pull policy is not Always",
    severity: "low",
    category: "workload",
    rationale:
      "With `IfNotPresent` or `Never`, a node reuses whatever image it cached under that tag: a re-pushed tag is not picked up, " +
      "and any pod on the node can start a cached private image without the pull credentials the registry would demand.",
    remediation:
      "Set `imagePullPolicy: Always` on the container, or pin the image by digest (`app@sha256:…`), which makes the policy irrelevant.",
    frameworks: [{ framework: "NSA-CISA", control: "Pod security: building secure container images" }],
    equivalents: { polaris: ["pullPolicyNotAlways"], checkov: ["CKV_K8S_15"] },
    example: {
      bad: "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    imagePullPolicy: IfNotPresent",
      good: "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    imagePullPolicy: Always",
    },
  },
  *check(object) {
    for (const container of workloadContainers(object)) {
      const image = container.container.image;
      if (typeof image !== "string") continue;
      const reference = parseImageReference(image);
      if (reference?.digest !== undefined) continue;
      const policyPath = [...container.path, "imagePullPolicy"];
      const policy = container.container.imagePullPolicy;
      if (typeof policy === "string") {
        if (policy !== "Always") {
          yield { path: policyPath, message: `${describeContainer(container)} pulls image "${image}" with imagePullPolicy ${policy}.` };
        }
        continue;
      }
      // Unset: Kubernetes defaults to Always for an untagged or latest image, else to IfNotPresent.
      if (reference && !usesLatestTag(reference)) {
        yield {
          path: policyPath,
          message: `${describeContainer(container)} pulls image "${image}" with imagePullPolicy IfNotPresent (the default for a tagged image).`,
        };
      }
    }
  },
});
