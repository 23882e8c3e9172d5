import { defineRule } from "../../src/engine/api.js";
import { ENFORCE_LABEL, isNamespace, labelPath, labelValue, LEVELS, PSA_SOURCES } from "./pod-security-labels.js";

export default defineRule({
  meta: {
    id: "namespace-psa-privileged",
    title: "Namespace enforces the privileged Pod Security level, or a level that does not exist",
    severity: "high",
    category: "namespaces",
    rationale:
      "`pod-security.kubernetes.io/enforce: privileged` turns Pod Security admission off for the namespace: the privileged standard " +
      "is unrestricted, so privileged containers, host namespaces, host paths and added capabilities are all admitted, and anyone who " +
      "may create a pod there may take over its node. A value other than `privileged`, `baseline` or `restricted` (compared as " +
      "written: `Baseline` is not a level) is not a level: Pod Security admission refuses to create the Namespace, or to change its " +
      "labels, with it, and for a namespace that already carries it, enforces `restricted` (the strictest, so it fails closed) while " +
      "recording the parse error in the audit annotations. Either way the label does not say what its author meant. " +
      `${PSA_SOURCES}. ` +
      "kube-system is not reported: the cluster's own node agents (network plugin, kube-proxy, storage drivers) run there and need " +
      "the privileged level.",
    remediation:
      "Enforce `baseline` or `restricted`. Keep `privileged` only for a namespace that holds node agents alone (network, storage, " +
      "monitoring daemons), and restrict who may create pods in it. Write the level in lower case, as one of privileged, baseline, restricted.",
    frameworks: [
      { framework: "CIS", control: "5.2.1" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "MITRE-ATT&CK", control: "T1611" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: {},
    messages: {
      enforcePrivileged: `Namespace "{{name}}" sets ${ENFORCE_LABEL}: privileged, so Pod Security admission admits any pod there, privileged and host-sharing ones included.`,
      enforceInvalid: `Namespace "{{name}}" sets ${ENFORCE_LABEL}: "{{value}}", which is not a level (privileged, baseline or restricted): Pod Security admission refuses the Namespace with it, and where the label is already set, enforces restricted.`,
    },
    example: {
      bad: "kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: privileged",
      good: "kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline",
    },
  },
  *check(object) {
    if (!isNamespace(object) || object.name === "kube-system") return;
    const value = labelValue(object, ENFORCE_LABEL);
    if (value === undefined) return;
    const path = labelPath(ENFORCE_LABEL);
    if (value === "privileged") yield { path, messageId: "enforcePrivileged", data: { name: object.name } };
    else if (!LEVELS.includes(value)) yield { path, messageId: "enforceInvalid", data: { name: object.name, value } };
  },
});
