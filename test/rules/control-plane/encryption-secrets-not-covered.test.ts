import rule from "../../../rules/control-plane/encryption-secrets-not-covered.js";
import { testRule } from "../../helpers/rule-tester.js";
import { encryptionConfig } from "./manifests.js";

const secretbox = "    providers:\n      - secretbox:\n          keys:\n            - name: key1\n              secret: <BASE 64 ENCODED SECRET>\n";

testRule(rule, {
  valid: [
    { name: "secrets named", yaml: encryptionConfig(`resources:\n  - resources: [configmaps, secrets]\n${secretbox}`) },
    { name: "the core-group wildcard *.", yaml: encryptionConfig(`resources:\n  - resources: ["*."]\n${secretbox}`) },
    { name: "the all-resources wildcard *.*", yaml: encryptionConfig(`resources:\n  - resources: [events]\n    providers: [{identity: {}}]\n  - resources: ["*.*"]\n${secretbox}`) },
    { name: "the legacy v1 EncryptionConfig", yaml: `apiVersion: v1\nkind: EncryptionConfig\nresources:\n  - resources: [secrets]\n${secretbox}` },
  ],
  invalid: [
    {
      name: "only other resources, or other groups' wildcards, and `secrets` of another group",
      yaml: encryptionConfig(`resources:\n  - resources: [configmaps, "*.apps", secrets.example.com]\n${secretbox}`),
      errors: [
        {
          messageId: "notCovered",
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 11,
          message: "The EncryptionConfiguration has no resources entry that covers secrets (`secrets`, `*.` or `*.*`), so Secrets are stored in etcd unencrypted",
        },
      ],
    },
    {
      name: "no resources at all: the kind line",
      yaml: encryptionConfig(),
      errors: [{ messageId: "notCovered", line: 2, column: 1, endLine: 2, endColumn: 30 }],
    },
  ],
});
