import rule from "../../../rules/workload/privileged-port.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "ports of 1024 and above, named ports and a hostPort below 1024 (host-port's finding)",
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
        - containerPort: 1024
        - name: http
`,
    },
  ],
  invalid: [
    {
      name: "well-known ports on regular and init containers, in a CronJob",
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          initContainers:
            - name: dns
              image: a:1
              ports: [{containerPort: 53, protocol: UDP}]
          containers:
            - name: web
              image: a:1
              ports:
                - containerPort: 443
                - containerPort: 1023
`,
      errors: [
        { line: 14, column: 24, message: 'init container "dns" declares port 53, below 1024; use a port of 1024 or above and map it in the Service.' },
        { line: 19, column: 19, message: 'container "web" declares port 443, below 1024' },
        { line: 20, column: 19, message: 'container "web" declares port 1023, below 1024' },
      ],
    },
  ],
});
