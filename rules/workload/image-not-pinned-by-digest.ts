import { defineRule, parseImageReference, POD_SPEC_OBJECTS } from "../../src/engine/api.js";
import { containerImages } from "./container-images.js";

export default defineRule({
  meta: {
    id: "image-not-pinned-by-digest",
    title: "Image is not pinned by digest",
    severity: "low",
    category: "workload",
    rationale:
      "A tag is a name the registry lets anyone with push rights move: `app:1.4.2` can point at a different image tomorrow, and each node " +
      "pulls whatever it points at when it starts the pod. A digest (`@sha256:…`) names the image's content, so the image that was scanned, " +
      "signed and approved is the one that runs; the runtime checks the content against it. The finding keeps the tag it names, since a " +
      "specific version tag is a lesser risk than `latest` (which latest-image-tag reports as well). Low by default: pinning needs tooling " +
      "that rewrites digests on each release. For production manifests raise it in the config (`rules: {image-not-pinned-by-digest: high}`); " +
      "the config has no per-path settings, so lint production paths with their own config (`kubeward lint deploy/prod --config prod.kubeward.yaml`). " +
      "Images that are not valid references, or whose digest is malformed, are left to image-registry-not-allowed and image-digest-malformed.",
    remediation:
      "Append the digest of the image you tested: `app:1.4.2@sha256:<digest>` (kubelet pulls by the digest; the tag stays for readers). " +
      "`crane digest`, `docker buildx imagetools inspect` or `skopeo inspect` print it; Kustomize's `images:` takes a `digest:`, and Renovate or " +
      "k8s-digester keep digests current.",
    frameworks: [
      { framework: "NSA-CISA", control: "pod-security/secure-images" },
      { framework: "MITRE-ATT&CK", control: "T1525" },
      { framework: "PCI-DSS", control: "6.3" },
    ],
    equivalents: { checkov: ["CKV_K8S_43"] },
    messages: {
      notPinned: '{{container}} image "{{image}}" has tag "{{tag}}" but no digest, and a tag can be moved to another image.',
      notPinnedNoTag: '{{container}} image "{{image}}" has neither tag nor digest, so it runs whatever "latest" points to when pulled.',
    },
    example: {
      bad: "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2",
      good: "containers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2@sha256:2f1e5a0c7b9d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const { image, path, who } of containerImages(object)) {
      const reference = parseImageReference(image);
      if (!reference || reference.digest !== undefined) continue;
      if (reference.tag === undefined) yield { path, messageId: "notPinnedNoTag", data: { container: who, image } };
      else yield { path, messageId: "notPinned", data: { container: who, image, tag: reference.tag } };
    }
  },
});
