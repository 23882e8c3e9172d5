import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/sensitive-host-path.js";
import { ownFindings, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "narrow files and agent directories, look-alike names, and children of broad directories",
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
            - {name: localtime, mountPath: /etc/localtime, readOnly: true}
            - {name: lock, mountPath: /run/xtables.lock}
            - {name: logs, mountPath: /var/log, readOnly: true}
            - {name: etcd-like, mountPath: /data}
            - {name: state, mountPath: /state}
            - {name: bpf, mountPath: /sys/fs/bpf}
            - {name: kmsg, mountPath: /dev/kmsg}
      volumes:
        - {name: localtime, hostPath: {path: /etc/localtime}}
        - {name: lock, hostPath: {path: /run/xtables.lock, type: FileOrCreate}}
        - {name: logs, hostPath: {path: /var/log}}
        - {name: etcd-like, hostPath: {path: /etcd}}
        - {name: state, hostPath: {path: /var/lib/agent}}
        - {name: bpf, hostPath: {path: /sys/fs/bpf}}
        - {name: kmsg, hostPath: {path: /dev/kmsg}}
`,
    },
    {
      name: "a sensitive hostPath that no container mounts exposes nothing",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: a:1}]
  volumes:
    - name: root
      hostPath: {path: /}
`,
    },
  ],
  invalid: [
    {
      name: "system directories, with trailing slashes and doubled slashes",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      volumeMounts:
        - {name: root, mountPath: /host}
        - {name: etc, mountPath: /host/etc}
        - {name: proc, mountPath: /host/proc}
        - {name: dev, mountPath: /host/dev}
  initContainers:
    - name: setup
      image: a:1
      volumeMounts: [{name: etc, mountPath: /etc-host}]
  volumes:
    - name: root
      hostPath:
        path: /
    - name: etc
      hostPath:
        path: /etc/
    - name: proc
      hostPath: {path: //proc}
    - name: dev
      hostPath: {path: /dev}
`,
      errors: [
        { messageId: "sensitiveDir", data: { volume: "volume \"root\"", hostPath: "/", holds: "the node's whole file system", containers: "container \"a\"" }, line: 20, column: 9, endLine: 20, endColumn: 16, message: 'volume "root" exposes host path "/" (the node\'s whole file system) to container "a".' },
        { messageId: "sensitiveDir", data: { volume: "volume \"etc\"", hostPath: "/etc/", holds: "the node's configuration and credentials", containers: "init container \"setup\", container \"a\"" }, line: 23, column: 9, endLine: 23, endColumn: 20, message: 'volume "etc" exposes host path "/etc/" (the node\'s configuration and credentials) to init container "setup", container "a".' },
        { messageId: "sensitiveDir", data: { volume: "volume \"proc\"", hostPath: "//proc", holds: "every process of the node and writable kernel settings", containers: "container \"a\"" }, line: 25, column: 18, endLine: 25, endColumn: 30, message: 'volume "proc" exposes host path "//proc" (every process of the node and writable kernel settings)' },
        { messageId: "sensitiveDir", data: { volume: "volume \"dev\"", hostPath: "/dev", holds: "every device of the node, its disks included", containers: "container \"a\"" }, line: 27, column: 18, endLine: 27, endColumn: 28, message: 'volume "dev" exposes host path "/dev" (every device of the node, its disks included)' },
      ],
    },
    {
      name: "subpaths of kubelet and runtime directories, and parents of sensitive ones",
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: logs}
spec:
  template:
    spec:
      containers:
        - name: shipper
          image: a:1
          volumeMounts:
            - {name: pods, mountPath: /pods}
            - {name: docker, mountPath: /containers}
            - {name: var, mountPath: /host/var}
            - {name: pki, mountPath: /pki}
      volumes:
        - {name: pods, hostPath: {path: /var/lib/kubelet/pods}}
        - {name: docker, hostPath: {path: /var/lib/docker/containers/}}
        - {name: var, hostPath: {path: /var}}
        - {name: pki, hostPath: {path: /etc/kubernetes/pki}}
`,
      errors: [
        { messageId: "insideSensitiveDir", data: { volume: "volume \"pods\"", hostPath: "/var/lib/kubelet/pods", holds: "the kubelet's state, every pod's secrets and volumes included", containers: "container \"shipper\"", dir: "/var/lib/kubelet" }, line: 16, column: 35, endLine: 16, endColumn: 62, message: 'volume "pods" exposes host path "/var/lib/kubelet/pods" (inside /var/lib/kubelet: the kubelet\'s state, every pod\'s secrets and volumes included) to container "shipper".' },
        { messageId: "insideSensitiveDir", data: { volume: "volume \"docker\"", hostPath: "/var/lib/docker/containers/", holds: "Docker's state, every container's file system and environment included", containers: "container \"shipper\"", dir: "/var/lib/docker" }, line: 17, column: 37, endLine: 17, endColumn: 70, message: '"/var/lib/docker/containers/" (inside /var/lib/docker: Docker\'s state' },
        { messageId: "containsSensitiveDir", data: { volume: "volume \"var\"", hostPath: "/var", holds: "the kubelet's state, every pod's secrets and volumes included", containers: "container \"shipper\"", dir: "/var/lib/kubelet" }, line: 18, column: 34, endLine: 18, endColumn: 44, message: 'volume "var" exposes host path "/var" (which contains /var/lib/kubelet: the kubelet\'s state' },
        { messageId: "insideSensitiveDir", data: { volume: "volume \"pki\"", hostPath: "/etc/kubernetes/pki", holds: "the node's Kubernetes credentials and control plane manifests", containers: "container \"shipper\"", dir: "/etc/kubernetes" }, line: 19, column: 34, endLine: 19, endColumn: 59, message: '"/etc/kubernetes/pki" (inside /etc/kubernetes: the node\'s Kubernetes credentials' },
      ],
    },
  ],
});

it("sensitive-host-path leaves runtime sockets below /run to container-runtime-socket-mounted, and Windows paths alone", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      volumeMounts:
        - {name: containerd, mountPath: /run/containerd}
        - {name: docker, mountPath: /var/run/docker.sock}
        - {name: windows, mountPath: C:\\\\host}
  volumes:
    - {name: containerd, hostPath: {path: /run/containerd}}
    - {name: docker, hostPath: {path: /var/run/docker.sock}}
    - {name: windows, hostPath: {path: "C:\\\\"}}
    - {name: broken, hostPath: {path: 42}}
`;
  expect(ownFindings(rule, yaml)).toEqual([]);
});
