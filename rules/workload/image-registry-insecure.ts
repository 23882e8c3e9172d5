import { defineRule, isLoopbackAddress, parseImageReference, POD_SPEC_OBJECTS, registryAddress } from "../../src/engine/api.js";
import { containerImages } from "./container-images.js";

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

export default defineRule({
  meta: {
    id: "image-registry-insecure",
    title: "Image names a registry by plain-HTTP URL or by IP address",
    severity: "medium",
    category: "workload",
    rationale:
      "An image reference has no scheme (`[registry/]repository[:tag][@digest]`), so `http://registry:5000/app` is not a valid reference " +
      "and every pull of it fails; the `http://` shows that the registry was meant to be reached without TLS, where nothing proves which " +
      "server answers and anyone on the path can serve another image. A registry given as an IP address (`10.0.0.5:5000/app`) is reported " +
      "at low severity: public CAs do not issue certificates for private addresses, so such registries are usually listed as insecure " +
      "registries in containerd or Docker (plain HTTP or unverified TLS), and the address names a machine, not a service, so whoever holds " +
      "it next serves the images. Many private registries do run on IP:port with a private CA whose certificate names the IP, so this is a " +
      "prompt to check, not proof, and is lowered to low whatever severity the rule is configured at. The node's loopback (`127.0.0.1`, `[::1]`, a registry on every node) is not reported: the pull never " +
      "leaves the node.",
    remediation:
      "Drop the scheme and reach the registry over TLS by a DNS name that its certificate names (`registry.example.com:5000/app:1.2`); " +
      "if it must stay on an IP, give it a certificate with that IP in its subject alternative names and trust the CA on the nodes " +
      "rather than listing the registry as insecure.",
    frameworks: [
      { framework: "NSA-CISA", control: "pod-security/secure-images" },
      { framework: "MITRE-ATT&CK", control: "T1557" },
    ],
    equivalents: {},
    messages: {
      httpScheme:
        '{{container}} image "{{image}}" starts with "{{scheme}}": an image reference cannot carry a scheme, so the pull fails, and plain HTTP would pull without TLS.',
      ipRegistry:
        '{{container}} image "{{image}}" comes from registry "{{registry}}", an IP address that seldom has a certificate, so pulls are likely configured without TLS verification.',
    },
    example: {
      bad: "containers:\n  - name: app\n    image: 10.0.0.5:5000/team/app:1.2",
      good: "containers:\n  - name: app\n    image: registry.example.com:5000/team/app:1.2",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const { image, path, who } of containerImages(object)) {
      const scheme = SCHEME.exec(image.trim())?.[0];
      if (scheme !== undefined) {
        if (scheme.toLowerCase() === "http://") yield { path, messageId: "httpScheme", data: { container: who, image, scheme } };
        continue;
      }
      const registry = parseImageReference(image)?.registry;
      const address = registry === undefined ? undefined : registryAddress(registry);
      if (registry === undefined || address === undefined || isLoopbackAddress(address)) continue;
      // One rule, one configured severity: an IP is a prompt to check, so it is lowered rather than given a rule of its own.
      yield { path, settle: () => ({ messageId: "ipRegistry", data: { container: who, image, registry }, lowerTo: "low" }) };
    }
  },
});
