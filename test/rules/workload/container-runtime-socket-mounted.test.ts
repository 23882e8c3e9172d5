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
          line: 14,
          column: 9,
          message: 'volume "docker" mounts host path "/var/run/docker.sock", the container runtime socket, mounted by container "build".',
        },
        { line: 16, column: 18, message: 'a directory that contains container runtime sockets such as /run/containerd/containerd.sock.' },
        { line: 18, column: 18, message: 'volume "crio"' },
        { line: 20, column: 18, message: 'volume "run" mounts host path "/run", a directory that contains container runtime sockets' },
        { line: 22, column: 18, message: "the container runtime's state directory" },
        { line: 24, column: 18, message: 'volume "cri-dockerd"' },
        { line: 26, column: 18, message: 'volume "host-root" mounts host path "/", a directory that contains container runtime sockets' },
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
      errors: [{ line: 15, column: 17, message: "the container runtime's named pipe" }],
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
