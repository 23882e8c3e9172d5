import { defineRule, digestProblem, POD_SPEC_OBJECTS } from "../../src/engine/api.js";
import { containerImages } from "./container-images.js";

export default defineRule({
  meta: {
    id: "image-digest-malformed",
    title: "Image digest is malformed",
    severity: "high",
    category: "workload",
    rationale:
      "A digest after `@` is how an image is pinned, and the runtime parses it strictly: the OCI image spec registers `sha256` (64 lowercase " +
      "hex characters), `sha384` (96) and `sha512` (128), and containerd and CRI-O reject anything else (`invalid reference format`, " +
      "`unsupported digest algorithm`). A truncated, upper-case or hand-edited digest therefore fails every pull: the pod sits in " +
      "`ErrImagePull`, and a rollout with it never becomes ready. Worse, it usually means the pin was typed rather than taken from the " +
      "registry, so the image it was meant to pin was never checked. It is an error of its own, apart from image-not-pinned-by-digest, " +
      "which is a low-severity hardening finding.",
    remediation:
      "Take the digest from the registry (`crane digest ghcr.io/acme/app:1.4.2`, `docker buildx imagetools inspect`) and paste it whole: " +
      "`image: ghcr.io/acme/app:1.4.2@sha256:<64 lowercase hex characters>`.",
    frameworks: [{ framework: "NSA-CISA", control: "pod-security/secure-images" }],
    equivalents: {},
    messages: {
      malformedDigest: '{{container}} image "{{image}}" has digest "{{digest}}", which is not {{expected}}, so the image cannot be pulled.',
      unknownAlgorithm:
        '{{container}} image "{{image}}" has digest algorithm "{{algorithm}}", which runtimes do not accept (sha256, sha384 or sha512), so the image cannot be pulled.',
    },
    example: {
      bad: "containers:\n  - name: app\n    image: ghcr.io/acme/app@sha256:2f1e5a0c7b9d",
      good: "containers:\n  - name: app\n    image: ghcr.io/acme/app@sha256:2f1e5a0c7b9d4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e3f",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const { image, path, who } of containerImages(object)) {
      const found = digestProblem(image);
      if (!found) continue;
      if (found.problem === "unknownAlgorithm") yield { path, messageId: "unknownAlgorithm", data: { container: who, image, algorithm: found.algorithm } };
      else yield { path, messageId: "malformedDigest", data: { container: who, image, digest: found.digest, expected: found.expected } };
    }
  },
});
