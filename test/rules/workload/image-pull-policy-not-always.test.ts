import { expect, it } from "vitest";
import rule from "../../../rules/workload/image-pull-policy-not-always.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";
import { ISTIO_INJECTED_GATEWAY } from "../../helpers/manifests.js";

const DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

testRule(rule, {
  valid: [
    {
      name: "Always, the default for latest and untagged images, version tags and digests with any policy",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox:1.36
  containers:
    - name: explicit
      image: nginx:latest
      imagePullPolicy: Always
    - name: latest-default
      image: nginx:latest
    - name: untagged-default
      image: registry:5000/app
    - name: version-tag
      image: ghcr.io/acme/web:2.1
      imagePullPolicy: IfNotPresent
    - name: version-tag-never
      image: localhost:5000/team/app:1.2
      imagePullPolicy: Never
    - name: pinned
      image: app@${DIGEST}
      imagePullPolicy: IfNotPresent
`,
    },
    {
      name: "Istio's injector replaces the image of an istio-proxy container with image: auto",
      yaml: `${ISTIO_INJECTED_GATEWAY}          imagePullPolicy: IfNotPresent\n`,
    },
  ],
  invalid: [
    {
      name: "latest and untagged images with IfNotPresent or Never",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers:
        - name: setup
          image: busybox
          imagePullPolicy: IfNotPresent
      containers:
        - name: web
          image: ghcr.io/acme/web:latest
          imagePullPolicy: IfNotPresent
        - name: local
          image: registry:5000/app
          imagePullPolicy: Never
        - name: not-istio
          image: auto
          imagePullPolicy: IfNotPresent
`,
      errors: [
        {
          messageId: "noTag",
          data: { container: 'init container "setup"', image: "busybox", policy: "IfNotPresent" },
          line: 10, column: 11, endLine: 10, endColumn: 40,
          message: 'init container "setup" pulls image "busybox" (no tag, which means latest) with imagePullPolicy IfNotPresent, so each node keeps running the build it cached first.',
        },
        {
          messageId: "latestTag",
          data: { container: 'container "web"', image: "ghcr.io/acme/web:latest", policy: "IfNotPresent" },
          line: 14, column: 11, endLine: 14, endColumn: 40,
          message: 'container "web" pulls image "ghcr.io/acme/web:latest" (the latest tag) with imagePullPolicy IfNotPresent',
        },
        {
          messageId: "noTag",
          data: { container: 'container "local"', image: "registry:5000/app", policy: "Never" },
          line: 17, column: 11, endLine: 17, endColumn: 33,
          message: 'container "local" pulls image "registry:5000/app" (no tag, which means latest) with imagePullPolicy Never',
        },
        {
          messageId: "noTag",
          data: { container: 'container "not-istio"', image: "auto", policy: "IfNotPresent" },
          line: 20, column: 11, endLine: 20, endColumn: 40,
          message: 'container "not-istio" pulls image "auto"',
        },
      ],
    },
  ],
});

it("image-pull-policy-not-always reads a wrongly typed policy as unset", () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: nginx:latest
      imagePullPolicy: [Never]
    - name: b
      image: {name: nginx}
      imagePullPolicy: Never
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
