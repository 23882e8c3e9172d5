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
        {
          messageId: "privilegedPort",
          data: { container: 'init container "dns"', port: 53 },
          line: 14, column: 24, endLine: 14, endColumn: 41,
          message: 'init container "dns" declares port 53, below 1024; use a port of 1024 or above and map it in the Service.',
        },
        {
          messageId: "privilegedPort",
          data: { container: 'container "web"', port: 443 },
          line: 19, column: 19, endLine: 19, endColumn: 37,
          message: 'container "web" declares port 443, below 1024',
        },
        {
          messageId: "privilegedPort",
          data: { container: 'container "web"', port: 1023 },
          line: 20, column: 19, endLine: 20, endColumn: 38,
          message: 'container "web" declares port 1023, below 1024',
        },
      ],
    },
  ],
});
