import { defineRule, arrayOf, isRecord, recordOf, containersOf, describeContainer, podSpecOf, type ContainerRef } from "../../src/engine/api.js";

function mountersOf(containers: readonly ContainerRef[], volumeName: unknown): string {
  const mounters = containers.filter((ref) =>
    arrayOf(ref.container.volumeMounts).some((mount) => recordOf(mount).name === volumeName),
  );
  return mounters.length > 0 ? `, mounted by ${mounters.map(describeContainer).join(", ")}` : "";
}

export default defineRule({
  meta: {
    id: "host-path-volume",
    title: "Pod mounts a hostPath volume",
    severity: "high",
    category: "pod-security",
    rationale:
      "A hostPath volume exposes the node's file system to the pod: with the right path (the container runtime socket, " +
      "/etc, /var/lib/kubelet, /proc) a container reads other pods' secrets or takes over the node. The Pod Security " +
      "Standards baseline profile forbids every hostPath volume, read-only ones included.",
    remediation:
      "Replace `spec.volumes[].hostPath` with an `emptyDir`, a `configMap`/`secret`/`projected` volume or a " +
      "`persistentVolumeClaim`; node agents that need host files belong in a namespace whose policy allows them.",
    frameworks: [
      { framework: "PSS", control: "baseline", title: "HostPath Volumes" },
      { framework: "CIS", control: "5.2.12", title: "Minimize the admission of HostPath volumes" },
      { framework: "NSA-CISA", control: "Pod security: restrict host file system access (hostPath)" },
    ],
    equivalents: {
      kubeLinter: ["sensitive-host-mounts", "writable-host-mount"],
      polaris: ["hostPathSet"],
      trivy: ["KSV023"],
    },
    example: {
      bad: "volumes:\n  - name: docker\n    hostPath:\n      path: /var/run/docker.sock",
      good: "volumes:\n  - name: scratch\n    emptyDir: {}",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    const containers = containersOf(pod);
    for (const [index, volume] of arrayOf(pod.spec.volumes).entries()) {
      const { name, hostPath } = recordOf(volume);
      if (!isRecord(hostPath)) continue;
      const volumeName = typeof name === "string" ? `volume "${name}"` : `volume #${index}`;
      const exposed = typeof hostPath.path === "string" ? `host path "${hostPath.path}"` : "a host path";
      yield {
        path: [...pod.path, "volumes", index, "hostPath"],
        message: `${volumeName} exposes ${exposed} of the node${mountersOf(containers, name)}.`,
      };
    }
  },
});
