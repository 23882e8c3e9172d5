import { defineRule, describeContainer, podSpecOf } from "../../src/engine/api.js";
import { hostPathVolumes, isAtOrUnder, mountsOf, normalizeHostPath } from "./host-paths.js";

interface SensitiveDir {
  dir: string;
  holds: string;
  /**
   * Whether everything below the directory is sensitive too. Not so for broad system directories whose
   * children are often harmless (`/etc/localtime`, `/run/xtables.lock`, `/sys/fs/bpf`, `/dev/kmsg`): those
   * stay host-path-volume's finding, and runtime sockets below /run container-runtime-socket-mounted's.
   */
  subtree: boolean;
}

/** In the order a message names them: for `/var`, the kubelet's directory says more than /var/run. */
const SENSITIVE_DIRS: readonly SensitiveDir[] = [
  { dir: "/", holds: "the node's whole file system", subtree: false },
  { dir: "/etc", holds: "the node's configuration and credentials", subtree: false },
  { dir: "/etc/kubernetes", holds: "the node's Kubernetes credentials and control plane manifests", subtree: true },
  { dir: "/root", holds: "the node's root home directory (SSH keys, kubeconfig files)", subtree: true },
  { dir: "/proc", holds: "every process of the node and writable kernel settings", subtree: true },
  { dir: "/sys", holds: "the node's kernel, cgroup and device settings", subtree: false },
  { dir: "/boot", holds: "the node's kernel and boot loader", subtree: true },
  { dir: "/dev", holds: "every device of the node, its disks included", subtree: false },
  { dir: "/usr", holds: "the node's system programs", subtree: false },
  { dir: "/lib", holds: "the node's system libraries", subtree: false },
  { dir: "/var/lib/kubelet", holds: "the kubelet's state, every pod's secrets and volumes included", subtree: true },
  { dir: "/var/lib/docker", holds: "Docker's state, every container's file system and environment included", subtree: true },
  { dir: "/var/lib/containerd", holds: "containerd's state, every container's file system included", subtree: true },
  { dir: "/var/lib/containers", holds: "CRI-O's state, every container's file system included", subtree: true },
  { dir: "/var/lib/etcd", holds: "etcd's data, every Secret of the cluster included", subtree: true },
  { dir: "/run", holds: "the node's runtime sockets and state", subtree: false },
  { dir: "/var/run", holds: "the node's runtime sockets and state", subtree: false },
];

/** Why a host path is sensitive: it is, lies inside or contains a sensitive directory; undefined when it is not. */
function sensitivity(hostPath: string): { relation: "is" | "inside" | "contains"; entry: SensitiveDir } | undefined {
  if (!hostPath.startsWith("/")) return undefined;
  const path = normalizeHostPath(hostPath);
  const exact = SENSITIVE_DIRS.find((entry) => entry.dir === path);
  if (exact) return { relation: "is", entry: exact };
  const within = SENSITIVE_DIRS.find((entry) => entry.subtree && isAtOrUnder(path, entry.dir));
  if (within) return { relation: "inside", entry: within };
  // A parent of a sensitive directory exposes it too.
  const contained = SENSITIVE_DIRS.find((entry) => isAtOrUnder(entry.dir, path));
  if (contained) return { relation: "contains", entry: contained };
  return undefined;
}

export default defineRule({
  meta: {
    id: "sensitive-host-path",
    title: "Pod mounts a sensitive directory of the node",
    // Above host-path-volume (high): these paths are the known routes from a container to the node and its secrets.
    severity: "critical",
    category: "pod-security",
    rationale:
      "Some host paths hand over the node outright: `/` and `/etc` hold its credentials and configuration, `/proc` and `/sys` its processes " +
      "and kernel settings, `/dev` its disks, `/var/lib/kubelet` every pod's secrets, and the container runtime's directories every " +
      "container's file system. A container that mounts one, or a parent of one, reads secrets of other workloads or takes over the node, " +
      "read-only mounts included. The Pod Security Standards baseline profile forbids every hostPath volume; this rule singles out " +
      "the ones that are a node compromise rather than a risk, at critical severity, so they are fixed first. Children of broad system " +
      "directories that are commonly harmless (`/etc/localtime`, `/run/xtables.lock`, `/sys/fs/bpf`) are left to host-path-volume, and " +
      "runtime sockets to container-runtime-socket-mounted.",
    remediation:
      "Mount only the narrowest path the process needs (a file such as `/etc/machine-id`, or a dedicated directory such as " +
      "`/var/lib/<agent>`) and mount it `readOnly: true`; better, replace the hostPath with a `configMap`, `secret`, `projected` or " +
      "`emptyDir` volume. Node agents that truly need these paths belong in a namespace whose policy allows them, with the " +
      "finding suppressed there and a reason.",
    frameworks: [
      { framework: "PSS", control: "baseline/hostpath-volumes" },
      { framework: "CIS", control: "5.2.12" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1611" },
    ],
    equivalents: { kubeLinter: ["sensitive-host-mounts"], trivy: ["KSV121"] },
    messages: {
      sensitiveDir: '{{volume}} exposes host path "{{hostPath}}" ({{holds}}) to {{containers}}.',
      insideSensitiveDir: '{{volume}} exposes host path "{{hostPath}}" (inside {{dir}}: {{holds}}) to {{containers}}.',
      containsSensitiveDir: '{{volume}} exposes host path "{{hostPath}}" (which contains {{dir}}: {{holds}}) to {{containers}}.',
    },
    example: {
      bad:
        "containers:\n  - name: agent\n    image: agent:1.0\n    volumeMounts:\n      - name: host-etc\n        mountPath: /host/etc\n" +
        "volumes:\n  - name: host-etc\n    hostPath:\n      path: /etc",
      good:
        "containers:\n  - name: agent\n    image: agent:1.0\n    volumeMounts:\n      - name: machine-id\n        mountPath: /etc/machine-id\n" +
        "        readOnly: true\nvolumes:\n  - name: machine-id\n    hostPath:\n      path: /etc/machine-id",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    for (const volume of hostPathVolumes(pod)) {
      if (volume.hostPath === undefined) continue;
      const why = sensitivity(volume.hostPath);
      // A volume no container mounts exposes nothing; host-path-volume still reports it.
      const mounters = [...new Set(mountsOf(pod, volume.name).map((mount) => describeContainer(mount.container)))];
      if (!why || mounters.length === 0) continue;
      const path = [...volume.path, "path"];
      const data = { volume: volume.label, hostPath: volume.hostPath, holds: why.entry.holds, containers: mounters.join(", ") };
      if (why.relation === "is") yield { path, messageId: "sensitiveDir", data };
      else if (why.relation === "inside") yield { path, messageId: "insideSensitiveDir", data: { ...data, dir: why.entry.dir } };
      else yield { path, messageId: "containsSensitiveDir", data: { ...data, dir: why.entry.dir } };
    }
  },
});
