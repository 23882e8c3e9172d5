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
        { line: 10, column: 11, message: 'container "web" binds port 80 on the node (hostPort).' },
        { line: 13, column: 31, message: "binds port 53" },
        { line: 17, column: 34, message: 'init container "setup" binds port 8443' },
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
      errors: [{ line: 13, column: 15 }],
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
