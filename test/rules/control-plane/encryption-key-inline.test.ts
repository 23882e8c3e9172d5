import rule from "../../../rules/control-plane/encryption-key-inline.js";
import { testRule } from "../../helpers/rule-tester.js";
import { encryptionConfig } from "./manifests.js";

testRule(rule, {
  valid: [
    {
      name: "placeholders, template leftovers and text of no key length are not key material",
      yaml: encryptionConfig(
        "resources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: key1\n              secret: <BASE 64 ENCODED SECRET>\n            - name: key2\n              secret: ${ENCRYPTION_KEY}\n            - name: key3\n              secret: c2VjcmV0\n      - secretbox:\n          keys:\n            - name: short\n              secret: c2VjcmV0IGlzIHNlY3VyZQ==\n",
      ),
    },
    { name: "kms keeps its key in the KMS", yaml: encryptionConfig('resources:\n  - resources: [secrets]\n    providers:\n      - kms: {apiVersion: v2, name: vault, endpoint: "unix:///kms.sock"}\n') },
  ],
  invalid: [
    {
      name: "keys of aescbc (16 bytes), aesgcm and secretbox (32 bytes), in any provider position: the secret, named but not shown",
      yaml: encryptionConfig(
        "resources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys:\n            - name: key1\n              secret: YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=\n      - aescbc:\n          keys:\n            - secret: c2VjcmV0IGlzIHNlY3VyZQ==\n  - resources: [configmaps]\n    providers:\n      - aesgcm:\n          keys:\n            - name: old\n              secret: YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=\n",
      ),
      errors: [
        {
          messageId: "inlineKey",
          data: { provider: "secretbox", name: "key1", start: "YWJj", index: "0", resources: "secrets" },
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 67,
          message: 'secretbox key "key1" (YWJj…) of resources[0] (secrets) is written in the file',
        },
        { messageId: "inlineKey", data: { provider: "aescbc", name: "keys[0]", start: "c2Vj", index: "0", resources: "secrets" }, line: 12, column: 15, endLine: 12, endColumn: 47 },
        { messageId: "inlineKey", data: { provider: "aesgcm", name: "old", start: "YWJj", index: "1", resources: "configmaps" }, line: 18, column: 15, endLine: 18, endColumn: 67 },
      ],
    },
  ],
});
