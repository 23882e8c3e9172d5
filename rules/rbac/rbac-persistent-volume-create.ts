import { grantRule } from "./grant-rule.js";

export default grantRule({
  meta: {
    id: "rbac-persistent-volume-create",
    title: "Role can create PersistentVolumes",
    severity: "medium",
    rationale:
      "A PersistentVolume names the storage behind it, and one of its sources is `hostPath`: whoever can create PersistentVolumes can " +
      "create one over `/`, `/etc` or the container runtime's socket and bind a claim to it, and every pod that mounts the claim reads and " +
      "writes the node's files. Pod Security Admission checks the volumes a pod writes, not the PersistentVolume behind a claim, so this " +
      "goes around the baseline level's ban on hostPath (the reason the CIS Benchmark lists it, 5.1.9). PersistentVolumes are " +
      "cluster-scoped, so only a ClusterRole held through a ClusterRoleBinding grants this; `create` cannot be narrowed by `resourceNames`. " +
      "Storage provisioners (CSI external-provisioner, the local static provisioner) need it: their findings say who holds it, to review.",
    remediation:
      "Let a StorageClass and its provisioner create volumes, and give people and applications `create` on PersistentVolumeClaims only. " +
      "Keep `create` on persistentvolumes to the provisioner's own ServiceAccount.",
    frameworks: [
      { framework: "CIS", control: "5.1.9" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
      { framework: "MITRE-ATT&CK", control: "T1611" },
      { framework: "PCI-DSS", control: "7.2" },
    ],
    equivalents: {},
    example: {
      bad: 'kind: ClusterRole\nrules:\n  - apiGroups: [""]\n    resources: ["persistentvolumes"]\n    verbs: ["get", "create"]',
      good: 'kind: ClusterRole\nrules:\n  - apiGroups: [""]\n    resources: ["persistentvolumeclaims"]\n    verbs: ["get", "create"]',
    },
  },
  grants: [
    {
      id: "createsVolumes",
      requests: [{ apiGroup: "", resource: "persistentvolumes", verbs: ["create"] }],
      does: "create hostPath PersistentVolumes over any of the node's files, past Pod Security Admission,",
      pointAt: "verb",
      clusterScoped: true,
    },
  ],
});
