import { arrayOf, defineRule, isEncryptionConfiguration, isRecord } from "../../src/engine/api.js";
import { describeResources, ENCRYPTION_CONFIGS, LOCAL_KEY_PROVIDERS, resourceEntries } from "./encryption-config.js";

/** Key lengths each provider accepts, in bytes (aescbc and aesgcm: AES-128, -192 or -256; secretbox: 32). */
const KEY_LENGTHS: Readonly<Record<string, readonly number[]>> = { aescbc: [16, 24, 32], aesgcm: [16, 24, 32], secretbox: [32] };

/** The byte length of standard base64 text, or undefined when it is not base64 (a placeholder, a template expression). */
function base64Length(text: string): number | undefined {
  if (text.length === 0 || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  return (text.length / 4) * 3 - (text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0);
}

export default defineRule({
  meta: {
    id: "encryption-key-inline",
    title: "Encryption key written in the EncryptionConfiguration",
    severity: "high",
    category: "control-plane",
    rationale:
      "aescbc, aesgcm and secretbox keep their keys in the EncryptionConfiguration itself (`keys[].secret`, base64). A file in a " +
      "repository shares its keys with everyone who can read the repository, its forks, clones and CI logs: together with an etcd " +
      "snapshot or backup, they decrypt every Secret. The Kubernetes documentation warns that a locally stored key protects only against " +
      "an etcd compromise and recommends a KMS provider, whose key never leaves the KMS. A value is reported when it is base64 of a " +
      "length the provider accepts (16, 24 or 32 bytes; 32 for secretbox); placeholders such as `<BASE 64 ENCODED SECRET>` or template " +
      "expressions are not. The message names the key and at most its first four characters, never the key.",
    remediation:
      "Rotate the key (a new key first, rewrite all Secrets, remove the old one), remove it from the repository and its history, and " +
      "write the file on the control-plane nodes from a secret store at provisioning time, or move to the kms v2 provider.",
    frameworks: [
      { framework: "CIS", control: "1.2.28" },
      { framework: "PCI-DSS", control: "3.6" },
      { framework: "MITRE-ATT&CK", control: "T1552.001" },
      { framework: "NSA-CISA", control: "network/secrets" },
    ],
    equivalents: {},
    messages: {
      inlineKey:
        "{{provider}} key \"{{name}}\" ({{start}}…) of resources[{{index}}] ({{resources}}) is written in the file: whoever reads it can decrypt these resources from any etcd snapshot; rotate the key and provision the file outside the repository, or use kms v2.",
    },
    example: {
      bad: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - secretbox:\n          keys:\n            - name: key1\n              secret: YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=",
      good: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/socket.sock",
    },
  },
  examines: isEncryptionConfiguration,
  appliesTo: ENCRYPTION_CONFIGS,
  *check(object) {
    if (!isEncryptionConfiguration(object)) return;
    for (const entry of resourceEntries(object.body)) {
      for (const provider of entry.providers) {
        if (!LOCAL_KEY_PROVIDERS.includes(provider.type)) continue;
        const keys = arrayOf(provider.config.keys);
        for (let at = 0; at < keys.length; at++) {
          const key = keys[at];
          if (!isRecord(key) || typeof key.secret !== "string") continue;
          const length = base64Length(key.secret.trim());
          if (length === undefined || !KEY_LENGTHS[provider.type].includes(length)) continue;
          yield {
            path: [...provider.path, provider.type, "keys", at, "secret"],
            messageId: "inlineKey",
            data: {
              provider: provider.type,
              name: typeof key.name === "string" ? key.name : `keys[${at}]`,
              start: key.secret.trim().slice(0, 4),
              index: String(entry.index),
              resources: describeResources(entry),
            },
          };
        }
      }
    }
  },
});
