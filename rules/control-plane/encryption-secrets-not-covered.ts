import { defineRule, isEncryptionConfiguration } from "../../src/engine/api.js";
import { decidingEntry, ENCRYPTION_CONFIGS, resourceEntries } from "./encryption-config.js";

export default defineRule({
  meta: {
    id: "encryption-secrets-not-covered",
    title: "Encryption configuration does not cover Secrets",
    severity: "high",
    category: "control-plane",
    rationale:
      "The API server encrypts in etcd only the resources its EncryptionConfiguration (`--encryption-provider-config`) names; everything " +
      "else is stored as written, so Secrets left out are readable by anyone with an etcd snapshot or backup. An entry covers Secrets " +
      "when its `resources` list has `secrets` or one of the wildcards the Kubernetes documentation defines: `*.` for every resource of " +
      "the core group and `*.*` for every resource (`*.apps` and the like cover other groups only). The configuration is read as " +
      "apiserver.config.k8s.io/v1 EncryptionConfiguration, and as the legacy `apiVersion: v1` / `kind: EncryptionConfig` the API server " +
      "still decodes; there is no apiserver.k8s.io/v1 version of it.",
    remediation:
      "Add an entry for Secrets, first in the list, whose first provider encrypts (kms with `apiVersion: v2`, or secretbox), followed by " +
      "`identity: {}` while existing Secrets are rewritten (`kubectl get secrets -A -o json | kubectl replace -f -`).",
    frameworks: [
      { framework: "CIS", control: "1.2.28" },
      { framework: "NSA-CISA", control: "network/secrets" },
      { framework: "PCI-DSS", control: "3.5" },
    ],
    equivalents: {},
    messages: {
      notCovered:
        "The EncryptionConfiguration has no resources entry that covers secrets (`secrets`, `*.` or `*.*`), so Secrets are stored in etcd unencrypted; add an entry for secrets with an encrypting provider first.",
    },
    example: {
      bad: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [configmaps]\n    providers:\n      - secretbox:\n          keys:\n            - name: key1\n              secret: <from the node's key store>",
      good: "apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets, configmaps]\n    providers:\n      - kms:\n          apiVersion: v2\n          name: vault\n          endpoint: unix:///var/run/kms/socket.sock\n      - identity: {}",
    },
  },
  examines: isEncryptionConfiguration,
  appliesTo: ENCRYPTION_CONFIGS,
  *check(object) {
    if (!isEncryptionConfiguration(object)) return;
    const entries = resourceEntries(object.body);
    if (decidingEntry(entries, "", "secrets")) return;
    yield { path: object.body.resources === undefined ? ["kind"] : ["resources"], messageId: "notCovered" };
  },
});
