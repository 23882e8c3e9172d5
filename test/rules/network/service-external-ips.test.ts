import rule from "../../../rules/network/service-external-ips.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "no externalIPs, an empty list, and externalIPs on another kind",
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  externalIPs: []
---
apiVersion: example.com/v1
kind: Service
metadata: {name: custom}
spec:
  externalIPs: [198.51.100.7]
`,
    },
  ],
  invalid: [
    {
      name: "externalIPs on a ClusterIP and on a LoadBalancer Service",
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  externalIPs:
    - 198.51.100.7
    - 198.51.100.8
---
apiVersion: v1
kind: Service
metadata: {name: dns}
spec:
  type: LoadBalancer
  externalIPs: [8.8.8.8]
`,
      errors: [
        {
          messageId: "externalIps",
          data: { service: 'Service "web"', addresses: "198.51.100.7, 198.51.100.8" },
          line: 6, column: 3, endLine: 6, endColumn: 15,
          message: 'Service "web" sets externalIPs 198.51.100.7, 198.51.100.8: every node captures traffic to them for this Service, whoever owns the addresses (CVE-2020-8554).',
        },
        { messageId: "externalIps", data: { service: 'Service "dns"', addresses: "8.8.8.8" }, line: 15, column: 3, endLine: 15, endColumn: 25 },
      ],
    },
  ],
});
