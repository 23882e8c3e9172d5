import rule from "../../../rules/workload/image-registry-implicit.js";
import { testRule } from "../../helpers/rule-tester.js";
import { ISTIO_INJECTED_GATEWAY } from "../../helpers/manifests.js";

testRule(rule, {
  valid: [
    { name: "Istio's injector replaces the image: auto of an istio-proxy container", yaml: ISTIO_INJECTED_GATEWAY },
    {
      name: "registries written out, Docker Hub's among them, localhost and a port; invalid references are the allow-list's",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: docker.io/library/busybox:1.36
  containers:
    - name: a
      image: ghcr.io/acme/app:1
    - name: b
      image: localhost/app:1
    - name: c
      image: registry:5000/app:1
    - name: d
      image: "Not A Reference"
  ephemeralContainers:
    - name: debug
      image: index.docker.io/nicolaka/netshoot:v0.13
`,
    },
  ],
  invalid: [
    {
      name: "official images, user images and a digest without a registry, across container kinds",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: cache
      image: bitnami/redis:7
    - name: pinned
      image: registry/app@sha256:${"0123456789abcdef".repeat(4)}
  ephemeralContainers:
    - name: debug
      image: "nicolaka/netshoot"
`,
      errors: [
        {
          messageId: "implicitRegistry",
          data: { container: 'init container "setup"', image: "busybox:1.36", name: "docker.io/library/busybox" },
          line: 7, column: 7, endLine: 7, endColumn: 26,
          message: 'init container "setup" image "busybox:1.36" names no registry, so the runtime chooses one (docker.io/library/busybox on Docker Hub for containerd and Docker).',
        },
        {
          messageId: "implicitRegistry",
          data: { container: 'container "cache"', image: "bitnami/redis:7", name: "docker.io/bitnami/redis" },
          line: 10, column: 7, endLine: 10, endColumn: 29,
        },
        {
          messageId: "implicitRegistry",
          data: { container: 'container "pinned"', image: `registry/app@sha256:${"0123456789abcdef".repeat(4)}`, name: "docker.io/registry/app" },
          line: 12, column: 7, endLine: 12, endColumn: 98,
        },
        {
          messageId: "implicitRegistry",
          data: { container: 'ephemeral container "debug"', image: "nicolaka/netshoot", name: "docker.io/nicolaka/netshoot" },
          line: 15, column: 7, endLine: 15, endColumn: 33,
        },
      ],
    },
  ],
});
