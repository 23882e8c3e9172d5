import { expect, it } from "vitest";
import rule from "../../../rules/namespaces/namespace-psa-version-old.js";
import { lintWith, testRule } from "../../helpers/rule-tester.js";

const namespace = (name: string, version: string): string => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: ${version}
`;

testRule(rule, {
  valid: [
    {
      name: "latest, the minimum and newer releases pass; no version label follows the running release",
      yaml: [namespace("a", "latest"), namespace("b", "v1.30"), namespace("c", "v1.35"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: d}\n"].join("---\n"),
    },
    {
      name: "a lower minimum lets an older pin pass",
      options: { minimumVersion: "v1.25" },
      yaml: namespace("a", "v1.25"),
    },
  ],
  invalid: [
    {
      name: "an old pin, and a version admission cannot parse",
      yaml: `${namespace("old", "v1.24")}---
apiVersion: v1
kind: Namespace
metadata:
  name: typo
  labels:
    pod-security.kubernetes.io/enforce-version: "1.29"
`,
      errors: [
        {
          messageId: "versionOld",
          data: { name: "old", version: "v1.24", minimum: "v1.30" },
          line: 7, column: 5, endLine: 7, endColumn: 54,
          message: 'Namespace "old" pins pod-security.kubernetes.io/enforce-version: v1.24, older than v1.30: its pods are checked against the Pod Security Standards of that release.',
        },
        {
          messageId: "versionInvalid",
          data: { name: "typo", version: "1.29" },
          line: 14, column: 5, endLine: 14, endColumn: 55,
          message:
            'Namespace "typo" sets pod-security.kubernetes.io/enforce-version: "1.29", which is neither latest nor v1.N: Pod Security admission refuses the Namespace with it, and where the label is already set, uses the latest version.',
        },
      ],
    },
    {
      name: "with minimumVersion latest, every pinned release is old",
      options: { minimumVersion: "latest" },
      yaml: `${namespace("a", "latest")}---\n${namespace("b", "v1.35")}`,
      errors: [{ messageId: "versionOld", data: { name: "b", version: "v1.35", minimum: "latest" }, line: 15, column: 5, endLine: 15, endColumn: 54 }],
    },
  ],
});

it("namespace-psa-version-old refuses a minimumVersion admission would not parse", () => {
  expect(() => lintWith(rule, namespace("a", "v1.30"), { minimumVersion: "1.30" })).toThrow(
    'option "minimumVersion" of "namespace-psa-version-old" must be a string matching latest|v1\\.(0|[1-9][0-9]*)',
  );
});
