import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/host-path-volume.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "emptyDir, configMap and persistentVolumeClaim volumes",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: a:1}]
  volumes:
    - {name: scratch, emptyDir: {}}
    - {name: config, configMap: {name: c}}
    - {name: data, persistentVolumeClaim: {claimName: d}}
`,
    },
  ],
  invalid: [
    {
      name: "Pod: names the containers that mount it, and an empty hostPath still counts",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
      volumeMounts:
        - {name: docker, mountPath: /var/run/docker.sock}
  initContainers:
    - name: setup
      image: a:1
      volumeMounts: [{name: docker, mountPath: /sock}, {name: scratch, mountPath: /tmp}]
  volumes:
    - name: scratch
      emptyDir: {}
    - name: docker
      hostPath:
        path: /var/run/docker.sock
        type: Socket
    - name: empty-host
      hostPath: {}
`,
      errors: [
        { messageId: "exposesMountedHostPath", data: { volume: "volume \"docker\"", hostPath: "host path \"/var/run/docker.sock\"", containers: "init container \"setup\", container \"web\"" }, line: 18, column: 7, endLine: 18, endColumn: 16,
          message: 'volume "docker" exposes host path "/var/run/docker.sock" of the node, mounted by init container "setup", container "web".' },
        { messageId: "exposesHostPath", data: { volume: "volume \"empty-host\"", hostPath: "a host path" }, line: 22, column: 7, endLine: 22, endColumn: 19, message: 'volume "empty-host" exposes a host path of the node.' },
      ],
    },
    {
      name: "StatefulSet, read-only mounts included",
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  template:
    spec:
      containers:
        - name: db
          image: a:1
          volumeMounts: [{name: logs, mountPath: /logs, readOnly: true}]
      volumes:
        - {name: logs, hostPath: {path: /var/log}}
`,
      errors: [{ messageId: "exposesMountedHostPath", data: { volume: "volume \"logs\"", hostPath: "host path \"/var/log\"", containers: "container \"db\"" }, line: 12, column: 24, endLine: 12, endColumn: 50, message: 'volume "logs" exposes host path "/var/log" of the node, mounted by container "db".' }],
    },
  ],
});

it("host-path-volume reads wrongly typed volumes as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: a:1, volumeMounts: "data"}]
  volumes:
    - {name: data, hostPath: /data}
    - just-a-string
---
apiVersion: v1
kind: Pod
metadata: {name: q}
spec:
  containers: [{name: a, image: a:1}]
  volumes: {name: data, hostPath: {path: /data}}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
