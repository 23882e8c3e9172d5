import { defineRule, describeContainer, podSpecOf } from "../../src/engine/api.js";
import { hostPathVolumes, mountsOf, type HostPathVolume } from "./host-paths.js";

/**
 * A read-only mount does not stop a process from connecting to a socket or a named pipe, so telling the
 * user to add readOnly there would hide the risk instead of removing it (container-runtime-socket-mounted
 * reports the runtime's). Sockets are told by their hostPath type or their usual names.
 */
function isSocket(volume: HostPathVolume): boolean {
  if (volume.type === "Socket") return true;
  const path = volume.hostPath?.trim().replaceAll("\\", "/").toLowerCase() ?? "";
  return path.endsWith(".sock") || path.startsWith("//./pipe/");
}

export default defineRule({
  meta: {
    id: "host-path-writable",
    title: "Container mounts a hostPath volume writable",
    severity: "medium",
    category: "pod-security",
    rationale:
      "A writable host mount lets a compromised container change the node: plant a binary or a cron job, rewrite kubelet or CNI " +
      "configuration, fill the node's disk, or leave files that the next pod on the node trusts. The NSA/CISA hardening guidance " +
      "asks that a hostPath that cannot be avoided be mounted read-only. The hostPath itself is host-path-volume's finding (high); " +
      "this rule names each container that can write through it, at the volumeMount that grants it, so a node agent whose hostPath " +
      "is accepted is still held to read-only. Sockets and named pipes (hostPath `type: Socket`, a path ending in `.sock`, `\\\\.\\pipe\\…`) " +
      "are skipped: a read-only mount does not stop a process from connecting to them.",
    remediation:
      "Set `readOnly: true` on the container's `volumeMounts` entry for the hostPath volume. If the process must write to the node " +
      "(a log shipper's position file, a CSI driver), give it a directory of its own (`/var/lib/<agent>`), keep every other host " +
      "mount read-only, and suppress this finding on that one mount with the reason.",
    frameworks: [
      { framework: "PSS", control: "baseline/hostpath-volumes" },
      { framework: "CIS", control: "5.2.12" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1611" },
    ],
    equivalents: { kubeLinter: ["writable-host-mount"] },
    messages: {
      writableReadOnlyFalse: "{{container}} mounts {{volume}}{{hostPath}}{{mountedAt}} with readOnly: false, so it can write to the node.",
      writableByDefault: "{{container}} mounts {{volume}}{{hostPath}}{{mountedAt}} without readOnly: true, so it can write to the node.",
    },
    example: {
      bad:
        "containers:\n  - name: shipper\n    image: shipper:1.0\n    volumeMounts:\n      - name: logs\n        mountPath: /var/log\n" +
        "volumes:\n  - name: logs\n    hostPath:\n      path: /var/log",
      good:
        "containers:\n  - name: shipper\n    image: shipper:1.0\n    volumeMounts:\n      - name: logs\n        mountPath: /var/log\n" +
        "        readOnly: true\nvolumes:\n  - name: logs\n    hostPath:\n      path: /var/log",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const volume of hostPathVolumes(pod)) {
      if (isSocket(volume)) continue;
      const hostPath = volume.hostPath === undefined ? "" : ` (host path "${volume.hostPath}")`;
      for (const { container, mount, path } of mountsOf(pod, volume.name)) {
        if (mount.readOnly === true) continue;
        yield {
          path: [...path, "readOnly"],
          messageId: mount.readOnly === false ? "writableReadOnlyFalse" : "writableByDefault",
          data: {
            container: describeContainer(container),
            volume: volume.label,
            hostPath,
            mountedAt: typeof mount.mountPath === "string" ? ` at ${mount.mountPath}` : "",
          },
        };
      }
    }
  },
});
