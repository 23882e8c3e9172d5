import rule from "../../../rules/pod-security/host-path-writable.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "read-only host mounts, other volume types, sockets, and a hostPath nobody mounts",
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1
          volumeMounts:
            - {name: logs, mountPath: /var/log, readOnly: true}
            - {name: scratch, mountPath: /tmp}
            - {name: docker, mountPath: /var/run/docker.sock}
            - {name: plugin, mountPath: /plugin/csi.sock}
            - {name: pipe, mountPath: \\\\.\\pipe\\docker_engine}
      volumes:
        - {name: logs, hostPath: {path: /var/log}}
        - {name: scratch, emptyDir: {}}
        - {name: docker, hostPath: {path: /var/run/docker.sock}}
        - {name: plugin, hostPath: {path: /var/lib/kubelet/plugins/x/csi-endpoint, type: Socket}}
        - {name: pipe, hostPath: {path: \\\\.\\pipe\\docker_engine}}
        - {name: unused, hostPath: {path: /etc}}
`,
    },
  ],
  invalid: [
    {
      name: "each writable mount of a hostPath, at its volumeMount, for every kind of container",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      volumeMounts:
        - name: state
          mountPath: /state
  containers:
    - name: shipper
      image: a:1
      volumeMounts:
        - name: logs
          mountPath: /var/log
          readOnly: false
        - name: state
          mountPath: /state
          subPath: shipper
          readOnly: true
        - name: unnamed
          mountPath: /x
  volumes:
    - name: state
      hostPath: {path: /var/lib/shipper, type: DirectoryOrCreate}
    - name: logs
      hostPath: {path: /var/log}
    - name: unnamed
      hostPath: {}
`,
      errors: [
        { messageId: "writableByDefault", data: { container: "init container \"setup\"", volume: "volume \"state\"", hostPath: " (host path \"/var/lib/shipper\")", mountedAt: " at /state" }, line: 9, column: 11, endLine: 9, endColumn: 22,
          message: 'init container "setup" mounts volume "state" (host path "/var/lib/shipper") at /state without readOnly: true, so it can write to the node.' },
        { messageId: "writableReadOnlyFalse", data: { container: "container \"shipper\"", volume: "volume \"logs\"", hostPath: " (host path \"/var/log\")", mountedAt: " at /var/log" }, line: 17, column: 11, endLine: 17, endColumn: 26,
          message: 'container "shipper" mounts volume "logs" (host path "/var/log") at /var/log with readOnly: false, so it can write to the node.' },
        { messageId: "writableByDefault", data: { container: "container \"shipper\"", volume: "volume \"unnamed\"", hostPath: "", mountedAt: " at /x" }, line: 22, column: 11, endLine: 22, endColumn: 24, message: 'container "shipper" mounts volume "unnamed" at /x without readOnly: true' },
      ],
    },
  ],
});
