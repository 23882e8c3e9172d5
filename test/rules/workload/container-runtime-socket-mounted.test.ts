import { expect, it } from "vitest";
import rule from "../../../rules/workload/container-runtime-socket-mounted.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "other host paths and volume types",
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: logs}
spec:
  template:
    spec:
      containers: [{name: a, image: a:1}]
      volumes:
        - name: logs
          hostPath: {path: /var/log}
        - name: run-app
          hostPath: {path: /var/run/app}
        - name: near-miss
          hostPath: {path: /var/run/docker.sock.bak}
        - name: cache
          emptyDir: {}
`,
    },
  ],
  invalid: [
    {
      name: "sockets and their folders, with slashes normalised",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: builder}
spec:
  containers:
    - name: build
      image: docker:27
      volumeMounts:
        - name: docker
          mountPath: /var/run/docker.sock
  volumes:
    - name: docker
      hostPath:
        path: /var/run/docker.sock
    - name: containerd
      hostPath: {path: "/run//containerd/"}
    - name: crio
      hostPath: {path: /var/run/crio/crio.sock, type: Socket}
    - name: run
      hostPath: {path: /run}
    - name: docker-state
      hostPath: {path: /var/run/docker/}
    - name: cri-dockerd
      hostPath: {path: /var/run/cri-dockerd.sock}
    - name: host-root
      hostPath: {path: /}
`,
      errors: [
        {
          messageId: "socket",
          data: { volume: 'volume "docker"', hostPath: "/var/run/docker.sock", mountedBy: ', mounted by container "build"' },
          line: 14, column: 9, endLine: 14, endColumn: 35,
          message: 'volume "docker" mounts host path "/var/run/docker.sock", the container runtime socket, mounted by container "build".',
        },
        {
          messageId: "socketDirectory",
          data: { volume: 'volume "containerd"', hostPath: "/run//containerd/", mountedBy: "", socket: "/run/containerd/containerd.sock" },
          line: 16, column: 18, endLine: 16, endColumn: 43,
          message: 'a directory that contains container runtime sockets such as /run/containerd/containerd.sock.',
        },
        {
          messageId: "socket",
          data: { volume: 'volume "crio"', hostPath: "/var/run/crio/crio.sock", mountedBy: "" },
          line: 18, column: 18, endLine: 18, endColumn: 47,
          message: 'volume "crio"',
        },
        {
          messageId: "socketDirectory",
          data: { volume: 'volume "run"', hostPath: "/run", mountedBy: "", socket: "/run/docker.sock" },
          line: 20, column: 18, endLine: 20, endColumn: 28,
          message: 'volume "run" mounts host path "/run", a directory that contains container runtime sockets',
        },
        {
          messageId: "stateDirectory",
          data: { volume: 'volume "docker-state"', hostPath: "/var/run/docker/", mountedBy: "" },
          line: 22, column: 18, endLine: 22, endColumn: 40,
          message: "the container runtime's state directory",
        },
        {
          messageId: "socket",
          data: { volume: 'volume "cri-dockerd"', hostPath: "/var/run/cri-dockerd.sock", mountedBy: "" },
          line: 24, column: 18, endLine: 24, endColumn: 49,
          message: 'volume "cri-dockerd"',
        },
        {
          messageId: "socketDirectory",
          data: { volume: 'volume "host-root"', hostPath: "/", mountedBy: "", socket: "/run/docker.sock" },
          line: 26, column: 18, endLine: 26, endColumn: 25,
          message: 'volume "host-root" mounts host path "/", a directory that contains container runtime sockets',
        },
      ],
    },
    {
      name: "the Docker named pipe on a Windows node, in a CronJob",
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          os: {name: windows}
          containers: [{name: a, image: a:1}]
          volumes:
            - name: pipe
              hostPath:
                path: \\\\.\\pipe\\docker_engine
`,
      errors: [
        {
          messageId: "namedPipe",
          data: { volume: 'volume "pipe"', hostPath: "\\\\.\\pipe\\docker_engine", mountedBy: "" },
          line: 15, column: 17, endLine: 15, endColumn: 45,
          message: "the container runtime's named pipe",
        },
      ],
    },
  ],
});

it("container-runtime-socket-mounted reads wrongly typed volumes as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: a:1, volumeMounts: docker}]
  volumes:
    - docker
    - name: x
      hostPath: /var/run/docker.sock
    - name: y
      hostPath: {path: [/var/run/docker.sock]}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
