import { expect, it } from "vitest";
import rule from "../../../rules/workload/image-registry-not-allowed.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";
import { ISTIO_INJECTED_GATEWAY } from "../../helpers/manifests.js";

const allowed = { allowedRegistries: ["ghcr.io/acme/", "registry.example.com:5000", "docker.io/library"] };

testRule(rule, {
  valid: [
    {
      name: "Istio's injector replaces the image: auto of an istio-proxy container",
      options: { allowedRegistries: ["ghcr.io/acme"] },
      yaml: ISTIO_INJECTED_GATEWAY,
    },
    {
      name: "the default empty list disables the rule",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: a, image: quay.io/evil/app:1}]
`,
    },
    {
      name: "hosts, path prefixes and Docker Hub official images",
      options: allowed,
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: busybox:1.36
      containers:
        - name: web
          image: ghcr.io/acme/web:2.1
        - name: nested
          image: GHCR.io/acme/team/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
        - name: mirror
          image: registry.example.com:5000/anything/app:1
        - name: explicit-hub
          image: index.docker.io/library/redis:7
`,
    },
  ],
  invalid: [
    {
      name: "look-alike prefixes, other registries, Docker Hub user images and unreadable references",
      options: allowed,
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: evil
      image: ghcr.io/acme-evil/web:1
    - name: port
      image: registry.example.com/app:1
    - name: hub-user
      image: bitnami/redis:7
  ephemeralContainers:
    - name: debug
      image: "Not A Reference"
`,
      errors: [
        {
          messageId: "registryNotAllowed",
          data: { container: 'container "evil"', image: "ghcr.io/acme-evil/web:1", name: "ghcr.io/acme-evil/web" },
          line: 7, column: 7, endLine: 7, endColumn: 37,
          message: 'container "evil" image "ghcr.io/acme-evil/web:1" (ghcr.io/acme-evil/web) is not from a registry in allowedRegistries.',
        },
        {
          messageId: "registryNotAllowed",
          data: { container: 'container "port"', image: "registry.example.com/app:1", name: "registry.example.com/app" },
          line: 9, column: 7, endLine: 9, endColumn: 40,
          message: "(registry.example.com/app)",
        },
        {
          messageId: "registryNotAllowed",
          data: { container: 'container "hub-user"', image: "bitnami/redis:7", name: "docker.io/bitnami/redis" },
          line: 11, column: 7, endLine: 11, endColumn: 29,
          message: "(docker.io/bitnami/redis)",
        },
        {
          messageId: "invalidReference",
          data: { container: 'ephemeral container "debug"', image: "Not A Reference" },
          line: 14, column: 7, endLine: 14, endColumn: 31,
          message: 'ephemeral container "debug" image "Not A Reference" is not a valid image reference',
        },
      ],
    },
    {
      name: "init containers are checked like the others",
      options: allowed,
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: quay.io/evil/setup:1
      containers:
        - name: web
          image: ghcr.io/acme/web:2.1
`,
      errors: [
        {
          messageId: "registryNotAllowed",
          data: { container: 'init container "setup"', image: "quay.io/evil/setup:1", name: "quay.io/evil/setup" },
          line: 9, column: 11, endLine: 9, endColumn: 38,
          message: 'init container "setup" image "quay.io/evil/setup:1" (quay.io/evil/setup) is not from a registry in allowedRegistries.',
        },
      ],
    },
  ],
});

it("image-registry-not-allowed reads wrongly typed images as absent", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: {repository: nginx}
`;
  expect(lintWith(rule, yaml, allowed).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
