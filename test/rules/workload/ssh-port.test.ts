import rule from "../../../rules/workload/ssh-port.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "other ports, port 22 over UDP, and SSH mapped to a high container port",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: git
      image: a:1
      ports:
        - {name: ssh, containerPort: 2222}
        - {containerPort: 22, protocol: UDP}
        - {containerPort: 8080}
`,
    },
  ],
  invalid: [
    {
      name: "port 22 with the protocol defaulted and written",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: app
          image: a:1
          ports:
            - name: ssh
              containerPort: 22
        - name: other
          image: a:1
          ports: [{containerPort: 22, protocol: TCP}]
`,
      errors: [
        {
          messageId: "sshPort",
          data: { container: 'container "app"' },
          line: 12, column: 15, endLine: 12, endColumn: 32,
          message: `container "app" declares port 22, the SSH port; remove the SSH server unless SSH is the service's purpose.`,
        },
        {
          messageId: "sshPort",
          data: { container: 'container "other"' },
          line: 15, column: 20, endLine: 15, endColumn: 37,
          message: 'container "other" declares port 22, the SSH port',
        },
      ],
    },
  ],
});
