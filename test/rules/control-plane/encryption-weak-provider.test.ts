import rule from "../../../rules/control-plane/encryption-weak-provider.js";
import { testRule } from "../../helpers/rule-tester.js";
import { encryptionConfig } from "./manifests.js";

const key = "          keys:\n            - name: key1\n              secret: <BASE 64 ENCODED SECRET>\n";

testRule(rule, {
  valid: [
    { name: "kms v2, secretbox and aesgcm first", yaml: encryptionConfig(`resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v2, name: vault, endpoint: "unix:///kms.sock"}\n  - resources: [configmaps]\n    providers:\n      - secretbox:\n${key}  - resources: [events]\n    providers:\n      - aesgcm:\n${key}`) },
    { name: "aescbc after the encrypting provider only reads old data", yaml: encryptionConfig(`resources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n${key}      - aescbc:\n${key}`) },
  ],
  invalid: [
    {
      name: "aescbc first: the provider item",
      yaml: encryptionConfig(`resources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n${key}      - identity: {}\n`),
      errors: [
        {
          messageId: "aescbc",
          data: { index: "0", resources: "secrets" },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 16,
          message: "resources[0] (secrets) encrypts with aescbc, which the Kubernetes documentation rates weak",
        },
      ],
    },
    {
      name: "kms v1: written, or left to the default apiVersion (v1)",
      yaml: encryptionConfig(`resources:\n  - resources: [secrets]\n    providers:\n      - kms:\n          apiVersion: v1\n          name: vault\n  - resources: [configmaps]\n    providers:\n      - kms: {endpoint: "unix:///kms.sock"}\n`),
      errors: [
        { messageId: "kmsV1", data: { index: "0", resources: "secrets", name: '"vault"' }, line: 7, column: 11, endLine: 7, endColumn: 25 },
        { messageId: "kmsV1", data: { index: "1", resources: "configmaps", name: "without a name" }, line: 11, column: 9, endLine: 11, endColumn: 44 },
      ],
    },
  ],
});
