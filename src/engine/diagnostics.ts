import type { RuleMeta } from "./rule.js";

/** Findings about the input itself rather than about an object; they always count as errors. */
export const DIAGNOSTIC_RULES: readonly RuleMeta[] = [
  {
    id: "kubeward/parse-error",
    title: "File is not valid YAML or JSON",
    severity: "high",
    category: "input",
    rationale:
      "A document that cannot be parsed cannot be checked, and Kubernetes would refuse to apply it. The other documents in the file are still linted.",
    remediation: "Fix the syntax at the reported line (tabs in indentation, unclosed brackets, duplicate keys, bad indentation).",
    frameworks: [],
    equivalents: {},
  },
  {
    id: "kubeward/unreadable-file",
    title: "File could not be read",
    severity: "high",
    category: "input",
    rationale: "A missing, unreadable, binary or non-UTF-8 file was named or found; nothing in it was checked.",
    remediation: "Fix the path or the permissions, or exclude the file with `--exclude` or `exclude:` in .kubeward.yaml.",
    frameworks: [],
    equivalents: {},
  },
  {
    id: "kubeward/invalid-field-type",
    title: "Field has the wrong type",
    severity: "high",
    category: "input",
    rationale:
      "A field holds a value of the wrong type (a string where a list belongs, say). The API server would reject the object, and checks of that field cannot run.",
    remediation: "Give the field the type the Kubernetes API defines for it.",
    frameworks: [],
    equivalents: {},
  },
  {
    id: "kubeward/rule-error",
    title: "A rule failed on this input",
    severity: "high",
    category: "input",
    rationale: "A rule hit an unexpected input and stopped; its other findings for the object may be missing. This is a kubeward bug.",
    remediation: "Report the input that caused it. The other rules still ran.",
    frameworks: [],
    equivalents: {},
  },
];
