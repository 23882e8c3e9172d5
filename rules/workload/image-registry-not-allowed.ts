import { defineRule, normalizeRegistry, parseImageReference, POD_SPEC_OBJECTS, qualifiedName } from "../../src/engine/api.js";
import { containerImages } from "./container-images.js";

/** `ghcr.io/acme/` → `ghcr.io/acme`, `Index.Docker.io` → `docker.io`: entries compare like parsed image names. */
function normalizeEntry(entry: string): string {
  const [host, ...rest] = entry.trim().replace(/\/+$/, "").split("/");
  return [normalizeRegistry(host), ...rest].join("/").toLowerCase();
}

/** Whether `name` (registry/repository) is the entry or lies below it, matched on whole path segments. */
function isAllowed(name: string, entries: readonly string[]): boolean {
  return entries.some((entry) => name === entry || name.startsWith(`${entry}/`));
}

export default defineRule({
  meta: {
    id: "image-registry-not-allowed",
    title: "Image comes from a registry that is not allowed",
    severity: "high",
    category: "workload",
    rationale:
      "Images from registries outside your control skip your scanning, signing and retention, and a typo or a look-alike name can pull " +
      "an attacker's image. An allow-list keeps every workload on registries you vet. An Istio `istio-proxy` container with `image: auto` " +
      "is not checked: the injector replaces the placeholder with the proxy image of Istio's own configuration. Init and ephemeral containers " +
      "are checked like the others, and an image set by a Kustomize `images:` entry or a Helm values key is reported at that entry or key.",
    remediation:
      "Mirror the image into an allowed registry and reference it there, or add the registry (or `registry/path` prefix) to the rule's " +
      "`allowedRegistries` option if it is trusted.",
    frameworks: [
      { framework: "NSA-CISA", control: "pod-security/secure-images" },
      { framework: "MITRE-ATT&CK", control: "T1525" },
      { framework: "MITRE-ATT&CK", control: "T1204.003" },
    ],
    equivalents: {},
    options: {
      allowedRegistries: {
        type: "string[]",
        description:
          "Registries or registry/path prefixes images may come from, e.g. `ghcr.io/acme` or `registry.example.com:5000`. " +
          "Docker Hub is `docker.io` (official images are `docker.io/library/…`). Prefixes match whole path segments. Empty disables the rule.",
        default: [],
      },
    },
    messages: {
      invalidReference: '{{container}} image "{{image}}" is not a valid image reference, so its registry cannot be checked.',
      registryNotAllowed: '{{container}} image "{{image}}" ({{name}}) is not from a registry in allowedRegistries.',
    },
    example: {
      bad: "# allowedRegistries: [ghcr.io/acme]\ncontainers:\n  - name: app\n    image: nginx:1.27",
      good: "# allowedRegistries: [ghcr.io/acme]\ncontainers:\n  - name: app\n    image: ghcr.io/acme/nginx:1.27",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object, context) {
    const entries = context.options.allowedRegistries.map(normalizeEntry).filter((entry) => entry !== "");
    if (entries.length === 0) return;
    for (const { image, path, who } of containerImages(object)) {
      const reference = parseImageReference(image);
      if (!reference) {
        // An allow-list fails closed: an image it cannot read is not shown to be allowed.
        yield { path, messageId: "invalidReference", data: { container: who, image } };
        continue;
      }
      const name = qualifiedName(reference);
      if (isAllowed(name, entries)) continue;
      yield { path, messageId: "registryNotAllowed", data: { container: who, image, name } };
    }
  },
});
