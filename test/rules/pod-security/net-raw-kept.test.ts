import rule from "../../../rules/pod-security/net-raw-kept.js";
import { testRule } from "../../helpers/rule-tester.js";

testRule(rule, {
  valid: [
    {
      name: "NET_RAW or ALL dropped, in any case, with other capabilities added",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: a:1
      securityContext: {capabilities: {drop: [NET_RAW]}}
  containers:
    - name: web
      image: a:1
      securityContext:
        capabilities:
          drop: [ALL]
          add: [NET_BIND_SERVICE]
    - name: lower
      image: a:1
      securityContext: {capabilities: {drop: [all]}}
  ephemeralContainers:
    - name: debug
      image: a:1
      securityContext: {capabilities: {drop: [net_raw]}}
`,
    },
    {
      name: "Windows pods have no Linux capabilities",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  os: {name: windows}
  containers: [{name: iis, image: iis:1}]
`,
    },
  ],
  invalid: [
    {
      name: "nothing dropped, other capabilities dropped, a CAP_ prefix, and NET_RAW or ALL added back",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: plain
          image: a:1
        - name: partial
          image: a:1
          securityContext:
            capabilities:
              drop: [SYS_ADMIN]
        - name: prefixed
          image: a:1
          securityContext:
            capabilities:
              drop: [CAP_NET_RAW]
        - name: back
          image: a:1
          securityContext:
            capabilities:
              drop: [ALL]
              add: [NET_BIND_SERVICE, NET_RAW]
        - name: everything
          image: a:1
          securityContext:
            capabilities:
              drop: [NET_RAW]
              add: [all]
`,
      errors: [
        { messageId: "keepsNetRaw", data: { container: "container \"plain\"" }, line: 8, column: 11, endLine: 8, endColumn: 22, message: 'container "plain" keeps NET_RAW: it drops neither NET_RAW nor ALL.' },
        { messageId: "keepsNetRaw", data: { container: "container \"partial\"" }, line: 14, column: 15, endLine: 14, endColumn: 32, message: 'container "partial" keeps NET_RAW: it drops neither NET_RAW nor ALL.' },
        { messageId: "dropsPrefixed", data: { container: "container \"prefixed\"", capability: "CAP_NET_RAW" }, line: 19, column: 15, endLine: 19, endColumn: 34,
          message: 'container "prefixed" drops "CAP_NET_RAW", which container runtimes do not recognise, so it keeps NET_RAW; write NET_RAW or ALL.' },
        { messageId: "addsNetRaw", data: { container: "container \"back\"", capability: "NET_RAW" }, line: 25, column: 39, endLine: 25, endColumn: 46, message: 'container "back" adds NET_RAW back.' },
        { messageId: "addsAll", data: { container: "container \"everything\"", capability: "all" }, line: 31, column: 21, endLine: 31, endColumn: 24, message: 'container "everything" adds all capabilities, NET_RAW among them.' },
      ],
    },
  ],
});
