import rule from "../../../rules/workload/latest-image-tag.js";
import { expect, it } from "vitest";
import { lintWith, testRule } from "../../helpers/rule-tester.js";
import { ISTIO_INJECTED_GATEWAY } from "../../helpers/manifests.js";

const DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

testRule(rule, {
  valid: [
    {
      name: "Istio's injector replaces the image: auto of an istio-proxy container",
      yaml: ISTIO_INJECTED_GATEWAY,
    },
    {
      name: "fixed tags, digests and a registry port with a tag",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: a
      image: nginx:1.27
    - name: b
      image: app@${DIGEST}
    - name: c
      image: app:latest@${DIGEST}
    - name: d
      image: localhost:5000/team/app:1.2
`,
    },
  ],
  invalid: [
    {
      name: "image: auto on a container other than istio-proxy is an untagged image",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: auto
`,
      errors: [
        {
          messageId: "noTag",
          data: { container: 'container "app"', image: "auto" },
          line: 7, column: 7, endLine: 7, endColumn: 18,
          message: 'container "app" image "auto" has no tag, which means latest.',
        },
      ],
    },
    {
      name: "no tag, latest, and a registry port mistaken for a tag, across container kinds",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox
  containers:
    - name: web
      image: ghcr.io/acme/web:latest
    - name: cache
      image: registry:5000/cache
  ephemeralContainers:
    - name: debug
      image: "busybox:latest"
`,
      errors: [
        {
          messageId: "noTag",
          data: { container: 'init container "setup"', image: "busybox" },
          line: 7, column: 7, endLine: 7, endColumn: 21,
          message: 'init container "setup" image "busybox" has no tag',
        },
        {
          messageId: "latestTag",
          data: { container: 'container "web"', image: "ghcr.io/acme/web:latest" },
          line: 10, column: 7, endLine: 10, endColumn: 37,
          message: 'container "web" image "ghcr.io/acme/web:latest" uses the latest tag',
        },
        {
          messageId: "noTag",
          data: { container: 'container "cache"', image: "registry:5000/cache" },
          line: 12, column: 7, endLine: 12, endColumn: 33,
          message: 'container "cache" image "registry:5000/cache" has no tag',
        },
        {
          messageId: "latestTag",
          data: { container: 'ephemeral container "debug"', image: "busybox:latest" },
          line: 15, column: 7, endLine: 15, endColumn: 30,
          message: 'ephemeral container "debug"',
        },
      ],
    },
    {
      name: "CronJob template",
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: job
              image: alpine
`,
      errors: [{ messageId: "noTag", data: { container: 'container "job"', image: "alpine" }, line: 12, column: 15, endLine: 12, endColumn: 28 }],
    },
  ],
});

it("latest-image-tag reads wrongly typed images and containers as absent", () => {
  const yaml = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      initContainers: busybox
      containers:
        - name: a
          image: [nginx]
        - name: b
        - just-a-string
`;
  expect(lintWith(rule, yaml).filter((finding) => finding.ruleId === rule.meta.id)).toEqual([]);
});
