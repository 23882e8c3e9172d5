import rule from "../../../rules/workload/image-not-pinned-by-digest.js";
import { testRule } from "../../helpers/rule-tester.js";
import { ISTIO_INJECTED_GATEWAY } from "../../helpers/manifests.js";

const DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

testRule(rule, {
  valid: [
    { name: "Istio's injector replaces the image: auto of an istio-proxy container", yaml: ISTIO_INJECTED_GATEWAY },
    {
      name: "digests, with and without a tag, in every container kind; invalid references and malformed digests are other rules'",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox@${DIGEST}
  containers:
    - name: a
      image: ghcr.io/acme/app:1.4.2@${DIGEST}
    - name: b
      image: "Not A Reference"
    - name: c
      image: app@sha256:abc
  ephemeralContainers:
    - name: debug
      image: registry.example.com:5000/tools/debug@${DIGEST}
`,
    },
  ],
  invalid: [
    {
      name: "a tag only, no tag at all, a registry port that is no tag, across container kinds",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: web
      image: ghcr.io/acme/web
    - name: cache
      image: registry:5000/cache:7.2
  ephemeralContainers:
    - name: debug
      image: "busybox:latest"
`,
      errors: [
        {
          messageId: "notPinned",
          data: { container: 'init container "setup"', image: "busybox:1.36", tag: "1.36" },
          line: 7, column: 7, endLine: 7, endColumn: 26,
          message: 'init container "setup" image "busybox:1.36" has tag "1.36" but no digest, and a tag can be moved to another image.',
        },
        {
          messageId: "notPinnedNoTag",
          data: { container: 'container "web"', image: "ghcr.io/acme/web" },
          line: 10, column: 7, endLine: 10, endColumn: 30,
          message: 'container "web" image "ghcr.io/acme/web" has neither tag nor digest, so it runs whatever "latest" points to when pulled.',
        },
        {
          messageId: "notPinned",
          data: { container: 'container "cache"', image: "registry:5000/cache:7.2", tag: "7.2" },
          line: 12, column: 7, endLine: 12, endColumn: 37,
          message: 'tag "7.2"',
        },
        {
          messageId: "notPinned",
          data: { container: 'ephemeral container "debug"', image: "busybox:latest", tag: "latest" },
          line: 15, column: 7, endLine: 15, endColumn: 30,
          message: 'ephemeral container "debug" image "busybox:latest" has tag "latest" but no digest',
        },
      ],
    },
    {
      name: "a Deployment's template",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: app
          image: ghcr.io/acme/app:2.0
`,
      errors: [{ messageId: "notPinned", data: { container: 'container "app"', image: "ghcr.io/acme/app:2.0", tag: "2.0" }, line: 9, column: 11, endLine: 9, endColumn: 38 }],
    },
  ],
});
