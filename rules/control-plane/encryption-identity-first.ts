import { defineRule, isEncryptionConfiguration } from "../../src/engine/api.js";
import { decidingEntry, describeResources, ENCRYPTION_CONFIGS, resourceEntries } from "./encryption-config.js";

export default defineRule({
  meta: {
    id: "encryption-identity-first",
    title: "Secrets are written unencrypted: identity is the first provider",
    severity: "high",
    category: "control-plane",
    rationale:
      "The first provider of an EncryptionConfiguration entry encrypts everything written from then on; the others only decrypt what is " +
      "already stored. With `identity` first, new and updated Secrets go to etcd in plain text, and the Kubernetes documentation notes " +
      "that existing encrypted ones are turned back into plain text as they are rewritten. The entry that decides for Secrets is the first " +
      "one whose `resources` cover them (`secrets`, `*.` or `*.*`), since the API server takes the entries in order. `identity` last, as " +
      "a fallback for reading data written before encryption was turned on, is fine. An entry that lists identity for other resources " +
      "only (the documentation's way to keep Events unencrypted under `*.*`) is not reported.",
    remediation: "Move the encrypting provider (kms with `apiVersion: v2`, or secretbox) to the top of the entry that covers Secrets and keep `identity: {}` last.",
    frameworks: [
      { framework: "CIS", control: "1.2.28" },
      { framework: "NSA-CISA", control: "network/secrets" },
      { framework: "PCI-DSS", control: "3.5" },
    ],
    equivalents: {},
    messages: {
      identityFirst:
        "resources[{{index}}] ({{resources}}) decides how Secrets are stored and lists identity first, so Secrets are written to etcd in plain text; put an encrypting provider first and identity last.",
    },
    example: {
      bad: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - identity: {}\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/socket.sock",
      good: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/socket.sock\n      - identity: {}",
    },
  },
  examines: isEncryptionConfiguration,
  appliesTo: ENCRYPTION_CONFIGS,
  *check(object) {
    if (!isEncryptionConfiguration(object)) return;
    const entry = decidingEntry(resourceEntries(object.body), "", "secrets");
    const first = entry?.providers.at(0);
    if (!entry || first?.type !== "identity") return;
    yield { path: first.path, messageId: "identityFirst", data: { index: String(entry.index), resources: describeResources(entry) } };
  },
});
