import rule from "../../../rules/control-plane/encryption-identity-first.js";
import { testRule } from "../../helpers/rule-tester.js";
import { encryptionConfig } from "./manifests.js";

const kms = "      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms.sock\n";

testRule(rule, {
  valid: [
    { name: "identity last, as the read fallback", yaml: encryptionConfig(`resources:\n  - resources: [secrets]\n    providers:\n${kms}      - identity: {}\n`) },
    {
      name: "identity first for Events only, before an encrypting *.* (the documentation's opt-out)",
      yaml: encryptionConfig(`resources:\n  - resources: [events]\n    providers:\n      - identity: {}\n  - resources: ["*.*"]\n    providers:\n${kms}`),
    },
    { name: "a later entry for secrets does not decide: the first one does", yaml: encryptionConfig(`resources:\n  - resources: ["*."]\n    providers:\n${kms}  - resources: [secrets]\n    providers:\n      - identity: {}\n`) },
  ],
  invalid: [
    {
      name: "identity first in the entry that covers secrets: the provider item",
      yaml: encryptionConfig(`resources:\n  - resources: [configmaps]\n    providers:\n${kms}  - resources: [secrets, configmaps]\n    providers:\n      - identity: {}\n${kms}`),
      errors: [
        {
          messageId: "identityFirst",
          data: { index: "1", resources: "secrets, configmaps" },
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 21,
          message: "resources[1] (secrets, configmaps) decides how Secrets are stored and lists identity first, so Secrets are written to etcd in plain text",
        },
      ],
    },
    {
      name: "through *.*",
      yaml: encryptionConfig(`resources:\n  - resources: ["*.*"]\n    providers:\n      - identity: {}\n`),
      errors: [{ messageId: "identityFirst", data: { index: "0", resources: "*.*" }, line: 6, column: 9, endLine: 6, endColumn: 21 }],
    },
  ],
});
