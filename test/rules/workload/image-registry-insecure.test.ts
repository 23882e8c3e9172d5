import rule from "../../../rules/workload/image-registry-insecure.js";
import { testRule } from "../../helpers/rule-tester.js";
import { ISTIO_INJECTED_GATEWAY } from "../../helpers/manifests.js";

testRule(rule, {
  valid: [
    { name: "Istio's injector replaces the image: auto of an istio-proxy container", yaml: ISTIO_INJECTED_GATEWAY },
    {
      name: "registry names, a name with a port, numeric-looking names and the node's loopback",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: 127.0.0.1:5000/setup:1
  containers:
    - name: a
      image: registry.example.com:5000/app:1
    - name: b
      image: localhost:5000/app:1
    - name: c
      image: "[::1]:5000/app:1"
    - name: d
      image: 10.0.0.5.nip.io/app:1
    - name: e
      image: 999.1.1.1/app:1
    - name: f
      image: nginx:1.27
`,
    },
    {
      name: "other schemes are invalid references but not insecure ones",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: https://registry.example.com/app:1
`,
    },
  ],
  invalid: [
    {
      name: "http:// and IP registries, IPv4 and IPv6, across container kinds",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: http://registry.example.com:5000/setup:1
  containers:
    - name: ip
      image: 10.0.0.5:5000/team/app:1.2
    - name: v6
      image: "[fd00::5]:5000/app:1"
  ephemeralContainers:
    - name: debug
      image: HTTP://10.0.0.5/debug
`,
      errors: [
        {
          messageId: "httpScheme",
          data: { container: 'init container "setup"', image: "http://registry.example.com:5000/setup:1", scheme: "http://" },
          line: 7, column: 7, endLine: 7, endColumn: 54,
          message: 'init container "setup" image "http://registry.example.com:5000/setup:1" starts with "http://": an image reference cannot carry a scheme, so the pull fails',
          severity: "medium",
        },
        {
          messageId: "ipRegistry",
          data: { container: 'container "ip"', image: "10.0.0.5:5000/team/app:1.2", registry: "10.0.0.5:5000" },
          line: 10, column: 7, endLine: 10, endColumn: 40,
          message: 'container "ip" image "10.0.0.5:5000/team/app:1.2" comes from registry "10.0.0.5:5000", an IP address that seldom has a certificate',
          severity: "low",
        },
        {
          messageId: "ipRegistry",
          data: { container: 'container "v6"', image: "[fd00::5]:5000/app:1", registry: "[fd00::5]:5000" },
          line: 12, column: 7, endLine: 12, endColumn: 36,
          severity: "low",
        },
        {
          messageId: "httpScheme",
          data: { container: 'ephemeral container "debug"', image: "HTTP://10.0.0.5/debug", scheme: "HTTP://" },
          line: 15, column: 7, endLine: 15, endColumn: 35,
        },
      ],
    },
  ],
});
