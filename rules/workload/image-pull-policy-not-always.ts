import { defineRule, describeContainer, parseImageReference, POD_SPEC_OBJECTS, usesLatestTag, workloadContainers } from "../../src/engine/api.js";
import { isInjectedIstioProxy } from "./injected-proxy.js";

export default defineRule({
  meta: {
    id: "image-pull-policy-not-always",
    title: "Latest or untagged image is not pulled Always",
    severity: "low",
    category: "workload",
    rationale:
      "Kubernetes pulls an image tagged `latest`, or not tagged at all, on every container start (imagePullPolicy defaults to `Always` " +
      "for them) because such a tag moves. Overriding that with `IfNotPresent` or `Never` makes each node keep running whichever build " +
      "it cached first: nodes disagree on the code, and a fixed image pushed under the tag never reaches nodes that have the old one. " +
      "A version tag or a digest with `IfNotPresent` is Kubernetes' own default and is not reported: the reference names one build. " +
      "Whether a cached private image can be started by pods without pull credentials is a cluster setting, not a per-manifest one " +
      "(the `AlwaysPullImages` admission plugin, or the kubelet's check of pull credentials for cached images, KEP-2535). " +
      "An Istio `istio-proxy` container with `image: auto` is not reported: the injector replaces its image.",
    remediation:
      "Pin the image to a version tag or a digest (`app@sha256:…`), which the `latest-image-tag` rule asks for too; or remove " +
      "`imagePullPolicy` (or set it to `Always`) so Kubernetes pulls the moving tag on each start.",
    frameworks: [{ framework: "NSA-CISA", control: "pod-security/secure-images" }],
    equivalents: { polaris: ["pullPolicyNotAlways"], checkov: ["CKV_K8S_15"] },
    messages: {
      noTag:
        '{{container}} pulls image "{{image}}" (no tag, which means latest) with imagePullPolicy {{policy}}, so each node keeps running the build it cached first.',
      latestTag:
        '{{container}} pulls image "{{image}}" (the latest tag) with imagePullPolicy {{policy}}, so each node keeps running the build it cached first.',
    },
    example: {
      bad: "containers:\n  - name: app\n    image: ghcr.io/acme/app:latest\n    imagePullPolicy: IfNotPresent",
      good: "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    imagePullPolicy: IfNotPresent",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const container of workloadContainers(object)) {
      const { image, imagePullPolicy: policy } = container.container;
      if (typeof image !== "string" || typeof policy !== "string" || policy === "Always" || isInjectedIstioProxy(container)) continue;
      const reference = parseImageReference(image);
      if (!reference || !usesLatestTag(reference)) continue;
      yield {
        path: [...container.path, "imagePullPolicy"],
        messageId: reference.tag === undefined ? "noTag" : "latestTag",
        data: { container: describeContainer(container), image, policy },
      };
    }
  },
});
