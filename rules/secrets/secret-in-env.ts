import { defineRule, describeContainer, isRecord, POD_SPEC_OBJECTS, recordOf, workloadContainers } from "../../src/engine/api.js";
import { textOf } from "./detect.js";

export default defineRule({
  meta: {
    id: "secret-in-env",
    title: "Secret passed as environment variables",
    severity: "low",
    category: "secrets",
    rationale:
      "A Secret key given to a container as an environment variable (`env[].valueFrom.secretKeyRef`, `envFrom[].secretRef`) is fixed when the " +
      "container starts: a rotated Secret reaches it only after a restart, while a mounted Secret volume is updated in place by the kubelet. " +
      "Environment variables also leak more easily: they are readable in `/proc/<pid>/environ` by processes of the same user, inherited by " +
      "every child process, and often printed by crash reporters, debug endpoints and `env` in support bundles. Kubernetes' good practices for " +
      "Secrets and CIS 5.4.1 prefer files. Low severity: the value is not in the manifest, and many applications read only environment variables.",
    remediation:
      "Mount the Secret as a volume (`volumes[].secret`, `volumeMounts[]` with `readOnly: true`) and have the application read the file, e.g. a " +
      "`*_FILE` variable pointing at it, which many images support.",
    frameworks: [
      { framework: "CIS", control: "5.4.1" },
      { framework: "MITRE-ATT&CK", control: "T1552.007" },
    ],
    equivalents: { kubeLinter: ["read-secret-from-env-var"], checkov: ["CKV_K8S_35"] },
    messages: {
      secretKeyRef: 'env "{{name}}" of {{container}} takes key "{{key}}" of Secret "{{secret}}" as an environment variable.',
      envFromSecret: '{{container}} takes every key of Secret "{{secret}}" as environment variables (envFrom).',
    },
    example: {
      bad: "env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}",
      good: "volumeMounts:\n  - {name: db, mountPath: /run/secrets/db, readOnly: true}\n# volumes: [{name: db, secret: {secretName: db}}]",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const container of workloadContainers(object)) {
      const who = describeContainer(container);
      for (const [index, entry] of (Array.isArray(container.container.env) ? container.container.env : []).entries()) {
        if (!isRecord(entry) || !isRecord(entry.valueFrom) || !isRecord(entry.valueFrom.secretKeyRef)) continue;
        const ref = entry.valueFrom.secretKeyRef;
        yield {
          path: [...container.path, "env", index, "valueFrom", "secretKeyRef"],
          messageId: "secretKeyRef",
          data: { name: textOf(entry.name), container: who, key: textOf(ref.key), secret: textOf(ref.name) },
        };
      }
      for (const [index, entry] of (Array.isArray(container.container.envFrom) ? container.container.envFrom : []).entries()) {
        if (!isRecord(entry) || !isRecord(entry.secretRef)) continue;
        yield { path: [...container.path, "envFrom", index, "secretRef"], messageId: "envFromSecret", data: { container: who, secret: textOf(recordOf(entry.secretRef).name) } };
      }
    }
  },
});
