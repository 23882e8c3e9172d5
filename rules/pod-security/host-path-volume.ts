import { defineRule, arrayOf, isRecord, recordOf, containersOf, describeContainer, podSpecOf, type ContainerRef } from "../../src/engine/api.js";

function mountersOf(containers: readonly ContainerRef[], volumeName: unknown): readonly ContainerRef[] {
  return containers.filter((ref) => arrayOf(ref.container.volumeMounts).some((mount) => recordOf(mount).name === volumeName));
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
      { framework: "PSS", control: "baseline/hostpath-volumes" },
      { framework: "CIS", control: "5.2.12" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: {
      kubeLinter: ["sensitive-host-mounts", "writable-host-mount"],
      polaris: ["hostPathSet"],
      trivy: ["KSV023"],
    },
    messages: {
      exposesHostPath: "{{volume}} exposes {{hostPath}} of the node.",
      exposesMountedHostPath: "{{volume}} exposes {{hostPath}} of the node, mounted by {{containers}}.",
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
      const path = [...pod.path, "volumes", index, "hostPath"];
      const data = {
        volume: typeof name === "string" ? `volume "${name}"` : `volume #${index}`,
        hostPath: typeof hostPath.path === "string" ? `host path "${hostPath.path}"` : "a host path",
      };
      const mounters = mountersOf(containers, name);
      yield mounters.length > 0
        ? { path, messageId: "exposesMountedHostPath", data: { ...data, containers: mounters.map(describeContainer).join(", ") } }
        : { path, messageId: "exposesHostPath", data };
    }
  },
});
