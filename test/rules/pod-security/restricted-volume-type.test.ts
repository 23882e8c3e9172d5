import { describe, expect, it } from "vitest";
import hostPathVolume from "../../../rules/pod-security/host-path-volume.js";
import rule from "../../../rules/pod-security/restricted-volume-type.js";
import { testRule, ownFindings } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "every allowed volume type, including image volumes",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
  volumes:
    - name: config
      configMap: {name: c}
    - name: driver
      csi: {driver: secrets-store.csi.k8s.io}
    - name: labels
      downwardAPI: {items: []}
    - name: scratch
      emptyDir: {}
    - name: claim-template
      ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteOnce]}}}
    - name: tools
      image: {reference: "registry.example.com/tools:1"}
    - name: data
      persistentVolumeClaim: {claimName: data}
    - name: token
      projected: {sources: []}
    - name: creds
      secret: {secretName: creds}
    - name: defaults-to-empty-dir
`,
    },
    {
      name: "hostPath is left to the baseline rule, so it is reported once",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
  volumes:
    - name: host
      hostPath: {path: /var/log}
`,
    },
  ],
  invalid: [
    {
      name: "nfs, gitRepo and cephfs volumes in a Pod",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
  volumes:
    - name: config
      configMap: {name: c}
    - name: shared
      nfs:
        server: nfs.example.com
        path: /exports
    - name: repo
      gitRepo: {repository: "https://example.com/r.git"}
    - {name: ceph, cephfs: {monitors: [10.0.0.1]}}
`,
      errors: [
        { messageId: "restrictedType", data: { volume: "\"shared\"", source: "nfs" }, line: 12, column: 7, endLine: 12, endColumn: 11, message: 'volume "shared" uses the nfs volume type, which the restricted profile forbids.' },
        { messageId: "restrictedType", data: { volume: "\"repo\"", source: "gitRepo" }, line: 16, column: 7, endLine: 16, endColumn: 57, message: 'volume "repo" uses the gitRepo volume type' },
        { messageId: "restrictedType", data: { volume: "\"ceph\"", source: "cephfs" }, line: 17, column: 20, endLine: 17, endColumn: 50, message: 'volume "ceph" uses the cephfs volume type' },
      ],
    },
    {
      name: "a cloud disk in a Deployment template",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: a
          image: a:1
      volumes:
        - name: disk
          awsElasticBlockStore:
            volumeID: vol-0123
`,
      errors: [{ messageId: "restrictedType", data: { volume: "\"disk\"", source: "awsElasticBlockStore" }, line: 12, column: 11, endLine: 12, endColumn: 32, message: 'volume "disk" uses the awsElasticBlockStore volume type' }],
    },
    {
      name: "Windows pods are not exempt; an unnamed volume is named by its index",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  containers:
    - name: a
      image: a:1
  volumes:
    - azureFile: {secretName: s, shareName: share}
`,
      errors: [{ messageId: "restrictedType", data: { volume: "#0", source: "azureFile" }, line: 10, column: 7, endLine: 10, endColumn: 51, message: "volume #0 uses the azureFile volume type" }],
    },
  ],
});

describe("restricted-volume-type on wrongly typed input", () => {
  it("skips volumes that are not a list or not mappings, and null sources", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
  volumes:
    - nfs
    - name: empty
      nfs: null
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  containers:
    - name: a
      image: a:1
  volumes: {nfs: {server: x}}
`;
    expect(ownFindings(rule, yaml)).toEqual([]);
  });
});

describe("restricted-volume-type with host-path-volume", () => {
  it("reports each forbidden volume exactly once across the two rules", () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
  volumes:
    - name: logs
      hostPath: {path: /var/log}
    - name: shared
      nfs: {server: nfs.example.com, path: /exports}
`;
    const reported = [...ownFindings(rule, yaml), ...ownFindings(hostPathVolume, yaml)].map(([line, column]) => `${line}:${column}`);
    expect(reported.sort()).toEqual(["10:7", "12:7"]);
  });
});
