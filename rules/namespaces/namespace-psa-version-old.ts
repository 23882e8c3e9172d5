import { defineRule } from "../../src/engine/api.js";
import { ENFORCE_VERSION_LABEL, isNamespace, isOlder, labelPath, labelValue, parsePolicyVersion, PSA_SOURCES } from "./pod-security-labels.js";

export default defineRule({
  meta: {
    id: "namespace-psa-version-old",
    title: "Namespace pins an old Pod Security policy version",
    severity: "low",
    category: "namespaces",
    rationale:
      "`pod-security.kubernetes.io/enforce-version` pins the checks of the enforced level to those of a Kubernetes minor release " +
      "(`v1.N`), or follows the running release (`latest`, also what no label means). Pinned to an old release, the namespace misses " +
      "the checks the Pod Security Standards gained or tightened since (the standards page marks each with the release it arrived in). " +
      "A value that is neither `latest` nor `v1.N` makes Pod Security admission refuse the Namespace, or the change of its labels, " +
      "and for a namespace that already carries it, the latest version is used. " +
      `${PSA_SOURCES}.`,
    remediation:
      "Set `pod-security.kubernetes.io/enforce-version: latest`, or pin a release at or above the `minimumVersion` option once its pods " +
      "pass (try it with the `warn` label and `warn-version` first).",
    frameworks: [{ framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: {},
    options: {
      minimumVersion: {
        type: "string",
        description:
          "The oldest policy version a namespace may pin, as `v1.N` (or `latest`, to require `latest`). Releases before it are reported; `latest` always passes.",
        default: "v1.30",
        pattern: "latest|v1\\.(0|[1-9][0-9]*)",
      },
    },
    messages: {
      versionOld: `Namespace "{{name}}" pins ${ENFORCE_VERSION_LABEL}: {{version}}, older than {{minimum}}: its pods are checked against the Pod Security Standards of that release.`,
      versionInvalid: `Namespace "{{name}}" sets ${ENFORCE_VERSION_LABEL}: "{{version}}", which is neither latest nor v1.N: Pod Security admission refuses the Namespace with it, and where the label is already set, uses the latest version.`,
    },
    example: {
      bad: "kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.24",
      good: "kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest",
    },
  },
  *check(object, context) {
    if (!isNamespace(object)) return;
    const version = labelValue(object, ENFORCE_VERSION_LABEL);
    if (version === undefined) return;
    const minimum = context.options.minimumVersion;
    // The option's pattern is checked when the config is read, so it parses.
    const minimumVersion = parsePolicyVersion(minimum) ?? { latest: true };
    const path = labelPath(ENFORCE_VERSION_LABEL);
    const pinned = parsePolicyVersion(version);
    if (!pinned) yield { path, messageId: "versionInvalid", data: { name: object.name, version } };
    else if (isOlder(pinned, minimumVersion)) yield { path, messageId: "versionOld", data: { name: object.name, version, minimum } };
  },
});
