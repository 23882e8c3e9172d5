import rule from "../../../rules/network/service-node-port.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "ClusterIP, headless, LoadBalancer and ExternalName Services, and a NodePort type on another kind",
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  type: ClusterIP
  clusterIP: None
---
apiVersion: v1
kind: Service
metadata: {name: lb}
spec:
  type: LoadBalancer
  loadBalancerSourceRanges: [203.0.113.0/24]
---
apiVersion: v1
kind: Service
metadata: {name: ext}
spec:
  type: ExternalName
  externalName: db.example.com
---
apiVersion: example.com/v1
kind: Service
metadata: {name: custom}
spec:
  type: NodePort
`,
    },
  ],
  invalid: [
    {
      name: "NodePort with fixed node ports, with allocated ones, and with both",
      yaml: `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  ports:
    - {port: 80, nodePort: 30080}
    - {port: 443, nodePort: 30443}
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  type: NodePort
  ports: [{port: 8080}]
---
apiVersion: v1
kind: Service
metadata: {name: mixed}
spec:
  ports: [{port: 80, nodePort: 30081}, {port: 81}, {port: 82}]
  type: NodePort
`,
      errors: [
        {
          messageId: "nodePort",
          data: { service: 'Service "web"', ports: "node ports 30080, 30443" },
          line: 5, column: 3, endLine: 5, endColumn: 17,
          message: 'Service "web" has type NodePort: every node of the cluster accepts traffic for it on node ports 30080, 30443.',
        },
        {
          messageId: "nodePort",
          data: { service: 'Service "api"', ports: "a port allocated from the node port range" },
          line: 14, column: 3, endLine: 14, endColumn: 17,
        },
        {
          messageId: "nodePort",
          data: { service: 'Service "mixed"', ports: "node port 30081 and 2 ports allocated from the node port range" },
          line: 22, column: 3, endLine: 22, endColumn: 17,
        },
      ],
    },
  ],
});
