import { expect, it } from "vitest";
import rule from "../../../rules/pod-security/host-port.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "container ports only, or hostPort 0",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      ports:
        - containerPort: 8080
        - {containerPort: 9090, hostPort: 0}
`,
    },
  ],
  invalid: [
    {
      name: "one finding per host port, init containers included",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: web
      image: a:1
      ports:
        - containerPort: 8080
          hostPort: 80
        - containerPort: 9090
          hostPort: 0
        - {containerPort: 53, hostPort: 53, protocol: UDP}
  initContainers:
    - name: setup
      image: a:1
      ports: [{containerPort: 1, hostPort: 8443}]
`,
      errors: [
        { messageId: "bindsHostPort", data: { container: "container \"web\"", port: 80 }, line: 10, column: 11, endLine: 10, endColumn: 23, message: 'container "web" binds port 80 on the node (hostPort).' },
        { messageId: "bindsHostPort", data: { container: "container \"web\"", port: 53 }, line: 13, column: 31, endLine: 13, endColumn: 43, message: "binds port 53" },
        { messageId: "bindsHostPort", data: { container: "init container \"setup\"", port: 8443 }, line: 17, column: 34, endLine: 17, endColumn: 48, message: 'init container "setup" binds port 8443' },
      ],
    },
    {
      name: "Job template",
      yaml: `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: job
          image: a:1
          ports:
            - containerPort: 8080
              hostPort: 8080
`,
      errors: [{ messageId: "bindsHostPort", data: { container: "container \"job\"", port: 8080 }, line: 13, column: 15, endLine: 13, endColumn: 29 }],
    },
  ],
});

it("host-port reads wrongly typed ports as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: a, image: a:1, ports: [{containerPort: 80, hostPort: "80"}]}
    - {name: b, image: a:1, ports: "80:80"}
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
