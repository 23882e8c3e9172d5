import { defineRule, arrayOf, isRecord, podSpecOf } from "../../src/engine/api.js";

/**
 * Inline volume sources the restricted profile forbids. The profile allows only configMap, csi, downwardAPI,
 * emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret; listing the forbidden sources
 * (rather than allowing a list) keeps a misspelt key, which the API server drops, from being reported.
 * hostPath is left to the baseline rule so that a hostPath volume yields one finding, not two.
 */
const RESTRICTED_SOURCES: ReadonlySet<string> = new Set([
  "awsElasticBlockStore",
  "azureDisk",
  "azureFile",
  "cephfs",
  "cinder",
  "fc",
  "flexVolume",
  "flocker",
  "gcePersistentDisk",
  "gitRepo",
  "glusterfs",
  "iscsi",
  "nfs",
  "photonPersistentDisk",
  "portworxVolume",
  "quobyte",
  "rbd",
  "scaleIO",
  "storageos",
  "vsphereVolume",
]);

export default defineRule({
  meta: {
    id: "restricted-volume-type",
    title: "Pod uses a volume type the restricted profile forbids",
    severity: "medium",
    category: "pod-security",
    rationale:
      "Network and cloud-disk volume sources (nfs, iscsi, rbd, awsElasticBlockStore, gitRepo, …) are mounted by the node on the pod's behalf, " +
      "with credentials and host code paths outside the cluster's storage policy; gitRepo even runs git on the node. " +
      "The restricted profile lets pods reach such storage only through a PersistentVolumeClaim that an administrator controls.",
    remediation:
      "Replace the inline source in `spec.volumes[*]` with a `persistentVolumeClaim` (or `ephemeral`, `csi`) bound to storage an administrator provides; " +
      "for gitRepo, clone into an `emptyDir` from an init container. Allowed types: configMap, csi, downwardAPI, emptyDir, ephemeral, image, " +
      "persistentVolumeClaim, projected, secret.",
    frameworks: [
      { framework: "PSS", control: "restricted/volume-types" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
    ],
    equivalents: { trivy: ["KSV028"] },
    messages: { restrictedType: "volume {{volume}} uses the {{source}} volume type, which the restricted profile forbids." },
    example: {
      bad: "volumes:\n  - name: data\n    nfs:\n      server: nfs.example.com\n      path: /exports/data",
      good: "volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data",
    },
  },
  *check(object) {
    const pod = podSpecOf(object);
    if (!pod) return;
    const volumes = arrayOf(pod.spec.volumes);
    for (const [index, volume] of volumes.entries()) {
      if (!isRecord(volume)) continue;
      const name = typeof volume.name === "string" ? `"${volume.name}"` : `#${index}`;
      for (const [source, value] of Object.entries(volume)) {
        if (value === null || !RESTRICTED_SOURCES.has(source)) continue;
        yield {
          path: [...pod.path, "volumes", index, source],
          messageId: "restrictedType",
          data: { volume: name, source },
        };
      }
    }
  },
});
