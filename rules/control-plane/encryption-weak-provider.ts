import { defineRule, isEncryptionConfiguration } from "../../src/engine/api.js";
import { describeResources, ENCRYPTION_CONFIGS, resourceEntries } from "./encryption-config.js";

export default defineRule({
  meta: {
    id: "encryption-weak-provider",
    title: "Encryption at rest uses aescbc or KMS v1",
    severity: "low",
    category: "control-plane",
    rationale:
      "The Kubernetes documentation (Encrypting Confidential Data at Rest) rates `aescbc` weak and does not recommend it, because CBC " +
      "is open to padding oracle attacks; `secretbox` is strong, `kms` strongest, and `aesgcm` is recommended only with automated key " +
      "rotation (every 200,000 writes), which a file cannot show, so it is not reported. KMS v1 is deprecated since Kubernetes 1.28 and " +
      "off by default since 1.29; the documentation asks for KMS v2 (`kms.apiVersion: v2`; an unset apiVersion means v1). Only the first " +
      "provider of an entry is looked at: it is the one that encrypts, while later ones only read data written before. The CIS " +
      "Benchmark (1.2.28) still accepts aescbc; this rule follows the Kubernetes documentation, at low severity.",
    remediation:
      "Use kms with `apiVersion: v2` and a KMS plugin, or secretbox, as the first provider; keep the old provider after it until every " +
      "object of the entry has been rewritten, then remove it.",
    frameworks: [
      { framework: "CIS", control: "1.2.28" },
      { framework: "NSA-CISA", control: "network/secrets" },
      { framework: "PCI-DSS", control: "3.5" },
    ],
    equivalents: {},
    messages: {
      aescbc:
        "resources[{{index}}] ({{resources}}) encrypts with aescbc, which the Kubernetes documentation rates weak (CBC is open to padding oracle attacks); use kms v2 or secretbox first.",
      kmsV1: "resources[{{index}}] ({{resources}}) encrypts with KMS v1 (kms {{name}}), deprecated since Kubernetes 1.28 and off by default since 1.29; set apiVersion: v2.",
    },
    example: {
      bad: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - aescbc:\n          keys:\n            - name: key1\n              secret: <from the node's key store>\n      - identity: {}",
      good: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/socket.sock\n      - identity: {}",
    },
  },
  examines: isEncryptionConfiguration,
  appliesTo: ENCRYPTION_CONFIGS,
  *check(object) {
    if (!isEncryptionConfiguration(object)) return;
    for (const entry of resourceEntries(object.body)) {
      const first = entry.providers.at(0);
      const data = { index: String(entry.index), resources: describeResources(entry) };
      if (first?.type === "aescbc") yield { path: first.path, messageId: "aescbc", data };
      if (first?.type === "kms" && (first.config.apiVersion ?? "v1") === "v1") {
        const name = typeof first.config.name === "string" ? `"${first.config.name}"` : "without a name";
        yield { path: first.config.apiVersion === undefined ? first.path : [...first.path, "kms", "apiVersion"], messageId: "kmsV1", data: { ...data, name } };
      }
    }
  },
});
