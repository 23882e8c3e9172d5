import rule from "../../../rules/pod-security/privileged-container.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "privileged false and unset",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext: {privileged: false}
    - name: b
      image: b:1
`,
    },
    {
      name: "a CRD that reuses the Deployment kind is not a workload",
      yaml: `apiVersion: example.com/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers: [{name: a, image: a, securityContext: {privileged: true}}]
`,
    },
  ],
  invalid: [
    {
      name: "privileged regular, init and ephemeral containers in a Pod",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      securityContext:
        privileged: true
  containers:
    - name: web
      image: a:1
      securityContext:
        privileged: yes
  ephemeralContainers:
    - name: debug
      image: a:1
      securityContext: {privileged: true}
`,
      errors: [
        { messageId: "runsPrivileged", data: { container: "init container \"setup\"" }, line: 9, column: 9, endLine: 9, endColumn: 25, message: 'init container "setup"' },
        { messageId: "runsPrivileged", data: { container: "container \"web\"" }, line: 14, column: 9, endLine: 14, endColumn: 24, message: 'container "web"' },
        { messageId: "runsPrivileged", data: { container: "ephemeral container \"debug\"" }, line: 18, column: 25, endLine: 18, endColumn: 41, message: 'ephemeral container "debug"' },
      ],
    },
    {
      name: "CronJob template",
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: a:1
              securityContext:
                privileged: true
`,
      errors: [{ messageId: "runsPrivileged", data: { container: "container \"job\"" }, line: 14, column: 17, endLine: 14, endColumn: 33 }],
    },
    {
      name: "a suppressed finding does not count",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: a:1
      securityContext:
        # kubeward-ignore privileged-container -- node agent
        privileged: true
    - name: b
      image: a:1
      securityContext:
        privileged: true
`,
      errors: [{ messageId: "runsPrivileged", data: { container: "container \"b\"" }, line: 14, column: 9, endLine: 14, endColumn: 25 }],
    },
  ],
});
