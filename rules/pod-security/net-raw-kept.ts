import { defineRule, arrayOf, recordOf, containerSecurityContextPath, containersOf, describeContainer, podSpecOf } from "../../src/engine/api.js";

/**
 * Container runtimes upper-case capability names and prefix `CAP_` themselves, so `net_raw` and `all`
 * work, while `CAP_NET_RAW` names a capability that does not exist and drops nothing.
 */
function runtimeName(capability: string): string {
  return capability.toUpperCase();
}

export default defineRule({
  meta: {
    id: "net-raw-kept",
    title: "Container keeps the NET_RAW capability",
    severity: "medium",
    category: "pod-security",
    enabledByDefault: false,
    rationale:
      "Docker and containerd grant NET_RAW by default (CRI-O stopped doing so in 1.18). It lets a process open raw sockets: forge packets, spoof ARP and DNS answers to " +
      "other pods on the node's network, and it has been the entry point of kernel exploits that escape the container (CVE-2020-14386). " +
      "CIS control 5.2.8 asks that containers drop it. The default rules already enforce that: capabilities-not-dropped (the restricted " +
      "profile's drop ALL) reports every container this rule would, and capabilities-beyond-baseline reports NET_RAW added back, so this " +
      "rule is off by default rather than a second finding on the same line. Turn it on where the baseline profile is enforced and " +
      "capabilities-not-dropped is off: it then holds containers to CIS 5.2.8 alone. Names are compared the way container runtimes " +
      "read them: `net_raw` and `all` count, `CAP_NET_RAW` does not.",
    remediation:
      'Add `ALL` (or at least `NET_RAW`) to `securityContext.capabilities.drop` of every container (`drop: ["ALL"]`) and remove `NET_RAW` ' +
      "from `capabilities.add`. ping works without it where the runtime allows unprivileged ICMP sockets (Docker 20.10 and later, containerd 2.0 and later).",
    frameworks: [
      { framework: "CIS", control: "5.2.8" },
      { framework: "PSS", control: "baseline/capabilities" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: { kubeLinter: ["drop-net-raw-capability"], polaris: ["insecureCapabilities"], checkov: ["CKV_K8S_28"] },
    messages: {
      addsAll: "{{container}} adds {{capability}} capabilities, NET_RAW among them.",
      addsNetRaw: "{{container}} adds {{capability}} back.",
      dropsPrefixed: '{{container}} drops "{{capability}}", which container runtimes do not recognise, so it keeps NET_RAW; write NET_RAW or ALL.',
      keepsNetRaw: "{{container}} keeps NET_RAW: it drops neither NET_RAW nor ALL.",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      capabilities:\n        drop: [SYS_ADMIN]",
      good: "containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      capabilities:\n        drop: [ALL]",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    // Capabilities are Linux-only: the API server rejects them on a Windows pod.
    if (!pod || pod.isWindows) return;
    for (const ref of containersOf(pod)) {
      const capabilities = recordOf(ref.securityContext.capabilities);
      const added = arrayOf(capabilities.add);
      const container = describeContainer(ref);
      const addedBack = added.findIndex((name) => typeof name === "string" && ["ALL", "NET_RAW"].includes(runtimeName(name)));
      if (addedBack !== -1) {
        const capability = added[addedBack] as string;
        yield {
          path: containerSecurityContextPath(ref, "capabilities", "add", addedBack),
          messageId: runtimeName(capability) === "ALL" ? "addsAll" : "addsNetRaw",
          data: { container, capability },
        };
        continue;
      }
      const dropped = arrayOf(capabilities.drop).filter((name): name is string => typeof name === "string");
      if (dropped.some((name) => ["ALL", "NET_RAW"].includes(runtimeName(name)))) continue;
      const prefixed = dropped.find((name) => runtimeName(name) === "CAP_NET_RAW");
      const path = containerSecurityContextPath(ref, "capabilities", "drop");
      yield prefixed
        ? { path, messageId: "dropsPrefixed", data: { container, capability: prefixed } }
        : { path, messageId: "keepsNetRaw", data: { container } };
    }
  },
});
