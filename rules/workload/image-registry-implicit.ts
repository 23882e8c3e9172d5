import { defineRule, namesRegistry, parseImageReference, POD_SPEC_OBJECTS } from "../../src/engine/api.js";
import { containerImages } from "./container-images.js";

export default defineRule({
  meta: {
    id: "image-registry-implicit",
    title: "Image does not name its registry",
    severity: "medium",
    category: "workload",
    enabledByDefault: false,
    rationale:
      "`nginx:1.27` or `bitnami/redis:7` leaves the registry to the runtime. containerd and Docker read it as Docker Hub, but CRI-O and " +
      "Podman resolve short names through the node's `unqualified-search-registries`, which may list several registries and take the first " +
      "that has the name, so the same manifest can pull different images on different nodes, and a name registered first on another " +
      "registry wins. A policy that every image comes from a named registry makes the source visible in review and lets " +
      "image-registry-not-allowed compare what is written. This is a rule of its own, off by default, rather than an option of " +
      "image-registry-not-allowed: it applies with or without an allow-list, and an allow-list that trusts `docker.io` cannot say " +
      "\"Docker Hub, but written out\". Turn it on (`rules: {image-registry-implicit: on}`) when your policy asks for fully qualified names.",
    remediation: "Write the registry out: `docker.io/library/nginx:1.27`, `docker.io/bitnami/redis:7`, or the mirror you pull from (`registry.example.com/library/nginx:1.27`).",
    frameworks: [
      { framework: "NSA-CISA", control: "pod-security/secure-images" },
      { framework: "MITRE-ATT&CK", control: "T1525" },
      { framework: "MITRE-ATT&CK", control: "T1204.003" },
    ],
    equivalents: {},
    messages: {
      implicitRegistry: '{{container}} image "{{image}}" names no registry, so the runtime chooses one ({{name}} on Docker Hub for containerd and Docker).',
    },
    example: {
      bad: "containers:\n  - name: app\n    image: nginx:1.27",
      good: "containers:\n  - name: app\n    image: docker.io/library/nginx:1.27",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const { image, path, who } of containerImages(object)) {
      const reference = parseImageReference(image);
      if (!reference || namesRegistry(image)) continue;
      yield { path, messageId: "implicitRegistry", data: { container: who, image, name: `docker.io/${reference.repository}` } };
    }
  },
});
