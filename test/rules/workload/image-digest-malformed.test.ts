import rule from "../../../rules/workload/image-digest-malformed.js";
import { testRule } from "../../helpers/rule-tester.js";

const HEX = "0123456789abcdef";
const SHA256 = `sha256:${HEX.repeat(4)}`;

testRule(rule, {
  valid: [
    {
      name: "well-formed sha256, sha384 and sha512 digests, with and without a tag; no digest at all",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox@${SHA256}
  containers:
    - name: a
      image: ghcr.io/acme/app:1.4.2@${SHA256}
    - name: b
      image: app@sha384:${HEX.repeat(6)}
    - name: c
      image: app@sha512:${HEX.repeat(8)}
    - name: d
      image: nginx:1.27
`,
    },
  ],
  invalid: [
    {
      name: "truncated, upper-case, missing algorithm and unknown algorithm, across container kinds",
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: setup
      image: busybox@sha256:abc123
  containers:
    - name: upper
      image: app:1@sha256:${HEX.toUpperCase().repeat(4)}
    - name: bare
      image: app@${HEX.repeat(4)}
  ephemeralContainers:
    - name: debug
      image: "app@md5:${HEX.repeat(2)}"
`,
      errors: [
        {
          messageId: "malformedDigest",
          data: { container: 'init container "setup"', image: "busybox@sha256:abc123", digest: "sha256:abc123", expected: "sha256: followed by 64 lowercase hex characters" },
          line: 7, column: 7, endLine: 7, endColumn: 35,
          message: 'init container "setup" image "busybox@sha256:abc123" has digest "sha256:abc123", which is not sha256: followed by 64 lowercase hex characters, so the image cannot be pulled.',
        },
        {
          messageId: "malformedDigest",
          data: { container: 'container "upper"', image: `app:1@sha256:${HEX.toUpperCase().repeat(4)}`, digest: `sha256:${HEX.toUpperCase().repeat(4)}`, expected: "sha256: followed by 64 lowercase hex characters" },
          line: 10, column: 7, endLine: 10, endColumn: 91,
        },
        {
          messageId: "malformedDigest",
          data: { container: 'container "bare"', image: `app@${HEX.repeat(4)}`, digest: HEX.repeat(4), expected: "sha256: followed by 64 lowercase hex characters" },
          line: 12, column: 7, endLine: 12, endColumn: 82,
        },
        {
          messageId: "unknownAlgorithm",
          data: { container: 'ephemeral container "debug"', image: `app@md5:${HEX.repeat(2)}`, algorithm: "md5" },
          line: 15, column: 7, endLine: 15, endColumn: 56,
          message: 'has digest algorithm "md5", which runtimes do not accept (sha256, sha384 or sha512)',
        },
      ],
    },
    {
      name: "a sha512 digest of sha256's length",
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  template:
    spec:
      containers:
        - name: app
          image: app@sha512:${HEX.repeat(4)}
`,
      errors: [
        {
          messageId: "malformedDigest",
          data: { container: 'container "app"', image: `app@sha512:${HEX.repeat(4)}`, digest: `sha512:${HEX.repeat(4)}`, expected: "sha512: followed by 128 lowercase hex characters" },
          line: 9, column: 11, endLine: 9, endColumn: 93,
        },
      ],
    },
  ],
});
