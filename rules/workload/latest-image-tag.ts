import { defineRule, describeContainer, parseImageReference, POD_SPEC_OBJECTS, usesLatestTag, workloadContainers } from "../../src/engine/api.js";
import { isInjectedIstioProxy } from "./injected-proxy.js";

export default defineRule({
  meta: {
    id: "latest-image-tag",
    title: "Image has no tag or uses the latest tag",
    severity: "medium",
    category: "workload",
    rationale:
      "An image without a tag means `latest`, and `latest` moves: each node may run a different build, a restart can silently upgrade, " +
      "and nobody can tell which code is running or roll back to it. A scanned and approved image is no guarantee for what runs next. " +
      "An Istio `istio-proxy` container with `image: auto` is not reported: `auto` is a placeholder the injector replaces with its proxy image.",
    remediation:
      "Set `image` to a specific version tag (`app:1.4.2`), or better, pin it by digest (`app@sha256:…`), which no one can move.",
    frameworks: [{ framework: "NSA-CISA", control: "pod-security/secure-images" }, { framework: "PCI-DSS", control: "6.3" }],
    equivalents: { kubeLinter: ["latest-tag"], polaris: ["tagNotSpecified"], checkov: ["CKV_K8S_14"], trivy: ["KSV013"] },
    messages: {
      noTag: '{{container}} image "{{image}}" has no tag, which means latest.',
      latestTag: '{{container}} image "{{image}}" uses the latest tag.',
    },
    example: {
      bad: "containers:\n  - name: app\n    image: ghcr.io/acme/app:latest",
      good: "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const container of workloadContainers(object)) {
      const image = container.container.image;
      if (typeof image !== "string") continue;
      const reference = parseImageReference(image);
      if (!reference || !usesLatestTag(reference) || isInjectedIstioProxy(container)) continue;
      yield {
        path: [...container.path, "image"],
        messageId: reference.tag === undefined ? "noTag" : "latestTag",
        data: { container: describeContainer(container), image },
      };
    }
  },
});
