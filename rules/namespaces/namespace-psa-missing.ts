import { defineRule } from "../../src/engine/api.js";
import { AUDIT_LABEL, ENFORCE_LABEL, isNamespace, labelsInsertionPath, namespaceLabels, PSA_SOURCES, WARN_LABEL } from "./pod-security-labels.js";

/**
 * Namespaces the API server creates itself. A manifest that names one does not create it, and
 * `kubectl apply` keeps labels the manifest leaves out, so what is enforced there is the cluster's.
 */
const CREATED_BY_THE_API_SERVER = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);

const DEFAULT_LEVEL = "the cluster's default level (privileged, which admits any pod, unless the admission configuration sets another)";

export default defineRule({
  meta: {
    id: "namespace-psa-missing",
    title: "Namespace does not enforce a Pod Security level",
    severity: "medium",
    category: "namespaces",
    rationale:
      "Pod Security admission reads a Namespace's `pod-security.kubernetes.io/enforce` label to decide which Pod Security Standard " +
      "(privileged, baseline or restricted) its pods must meet; pods that violate it are rejected. Without the label, the `defaults` " +
      "of the API server's PodSecurity admission configuration apply, and those are `privileged` unless the cluster's administrator " +
      "changed them: privileged containers, host namespaces and host paths are all admitted. The `audit` and `warn` labels only add an " +
      "audit annotation or a warning to the response; they block nothing. " +
      `${PSA_SOURCES}. ` +
      "The namespaces the API server creates itself (default, kube-system, kube-public, kube-node-lease) are not reported: a manifest " +
      "that names one does not create it, and `kubectl apply` leaves the labels it does not write as they are, so what is enforced " +
      "there is set on the cluster, not in the manifest.",
    remediation:
      "Label the Namespace with the strictest level its pods meet, e.g. `pod-security.kubernetes.io/enforce: restricted` (or " +
      "`baseline`), and keep `warn`/`audit` at `restricted` to see what a stricter level would reject. A cluster that sets its own " +
      "default in the admission configuration can turn this rule off in `.kubeward.yaml`.",
    frameworks: [
      { framework: "CIS", control: "5.2.1" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
      { framework: "PCI-DSS", control: "2.2" },
    ],
    equivalents: {},
    messages: {
      enforceMissing: `Namespace "{{name}}" sets no ${ENFORCE_LABEL} label, so Pod Security admission enforces ${DEFAULT_LEVEL}.`,
      enforceMissingOtherModes: `Namespace "{{name}}" sets {{modes}} but no ${ENFORCE_LABEL} label: audit and warn labels record and warn, they reject nothing, so Pod Security admission enforces ${DEFAULT_LEVEL}.`,
    },
    example: {
      bad: "kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/warn: restricted",
      good: "kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/warn: restricted",
    },
  },
  *check(object) {
    if (!isNamespace(object) || CREATED_BY_THE_API_SERVER.has(object.name)) return;
    const labels = namespaceLabels(object);
    if (Object.hasOwn(labels, ENFORCE_LABEL)) return;
    const path = labelsInsertionPath(object);
    const modes = [WARN_LABEL, AUDIT_LABEL].filter((label) => Object.hasOwn(labels, label)).map((label) => `${label}: ${String(labels[label])}`);
    if (modes.length === 0) yield { path, messageId: "enforceMissing", data: { name: object.name } };
    else yield { path, messageId: "enforceMissingOtherModes", data: { name: object.name, modes: modes.join(" and ") } };
  },
});
