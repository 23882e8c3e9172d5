import type { RuleMeta } from "./rule-meta.js";

export const PARSE_ERROR = "kubeward/parse-error";
export const MISSING_API_VERSION_OR_KIND = "kubeward/missing-api-version-or-kind";
export const UNREADABLE_FILE = "kubeward/unreadable-file";
export const INVALID_FIELD_TYPE = "kubeward/invalid-field-type";
export const RENDER_ERROR = "kubeward/render-error";
export const KUSTOMIZE_ERROR = "kubeward/kustomize-error";
export const TOOL_MISSING = "kubeward/tool-missing";
export const REMOTE_BASE = "kubeward/remote-base";
export const UNKNOWN_IGNORED_RULE = "kubeward/unknown-ignored-rule";
export const RULE_ERROR = "kubeward/rule-error";

/** Findings about the input itself rather than about an object. */
export const DIAGNOSTIC_RULES: readonly RuleMeta[] = [
  {
    id: PARSE_ERROR,
    title: "File is not valid YAML or JSON",
    severity: "high",
    category: "input",
    rationale:
      "A document that cannot be parsed cannot be checked, and Kubernetes would refuse to apply it. The other documents in the file are still linted. YAML is read as kubectl reads it (sigs.k8s.io/yaml over go-yaml): the indentation of a line inside brackets (`[...]`, `{...}`) or a quoted string does not matter there, so `args: [` closed by a `]` under its key is read, although YAML 1.2 parsers refuse it. Duplicate keys are reported, as the API server's strict field validation (kubectl's default) refuses them.",
    remediation: "Fix the syntax at the reported line (tabs in indentation, unclosed brackets, duplicate keys, bad indentation).",
    frameworks: [],
    equivalents: {},
    unlintedInput: true,
  },
  {
    id: MISSING_API_VERSION_OR_KIND,
    title: "Object has kind without apiVersion, or apiVersion without kind",
    severity: "high",
    category: "input",
    rationale:
      "A document that has `kind` but no `apiVersion` (or the reverse), or spells one of them wrongly (`apiversion:`, `Kind:`), is refused by Kubernetes (`apiVersion not set`, `Object 'Kind' is missing`), and kubeward cannot tell which object it is, so none of its fields is checked: a typo would otherwise hide a privileged pod. Like a parse error, it is input that could not be linted and fails the run whatever the fail level: the file cannot be applied as written, and a silent pass would claim it was checked. YAML that only happens to have a `kind` or an `apiVersion` key (a CI file, a Chart.yaml) is still passed over: the document must have `metadata`, write the missing key with a value that is not a string, or name it with a near miss.",
    remediation: "Add the missing key, or correct its spelling (keys are case-sensitive), at the reported line; the message names the apiVersion of common kinds.",
    frameworks: [],
    equivalents: {},
    unlintedInput: true,
  },
  {
    id: UNREADABLE_FILE,
    title: "File could not be read",
    severity: "high",
    category: "input",
    rationale: "A missing, unreadable, binary or non-UTF-8 file was named or found; nothing in it was checked.",
    remediation: "Fix the path or the permissions, or exclude the file with `--exclude` or `exclude:` in .kubeward.yaml.",
    frameworks: [],
    equivalents: {},
    unlintedInput: true,
  },
  {
    id: INVALID_FIELD_TYPE,
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
    id: RENDER_ERROR,
    title: "Helm chart could not be rendered",
    severity: "high",
    category: "input",
    rationale:
      "`helm template` failed (a template that does not parse, a nil pointer, `fail` or a missing `required` value, a dependency missing from charts/, invalid YAML out of a template or in a values file), so nothing the chart renders was checked. The finding carries helm's own reason at the file, line and column helm names, in a subchart or a helper too. For invalid YAML helm names a line of the rendered document: kubeward renders the template once more with each line tagged to find the template line that wrote it, and says when it cannot tell and the place is approximate.",
    remediation: "Fix the template or supply the value (`--values`, `--set`, or a value set in .kubeward.yaml); for a missing dependency run `helm dependency build` or pass --helm-dependency-update.",
    frameworks: [],
    equivalents: {},
    unlintedInput: true,
  },
  {
    id: KUSTOMIZE_ERROR,
    title: "Kustomize overlay could not be built",
    severity: "high",
    category: "input",
    rationale:
      "The kustomization names a file or folder that does not exist, holds invalid YAML, or `kustomize build` failed, so nothing the overlay produces was checked.",
    remediation: "Fix the kustomization at the reported line; run `kubectl kustomize DIR` to see the full error.",
    frameworks: [],
    equivalents: {},
    unlintedInput: true,
  },
  {
    id: TOOL_MISSING,
    title: "helm or kustomize is not installed",
    severity: "high",
    category: "input",
    rationale: "Charts need helm and overlays need kustomize (or kubectl) to be rendered; without the binary they cannot be linted. Other inputs are still linted.",
    remediation: "Install helm or kubectl, or point kubeward at them with --helm / KUBEWARD_HELM and --kustomize / KUBEWARD_KUSTOMIZE.",
    frameworks: [],
    equivalents: {},
    unlintedInput: true,
  },
  {
    id: REMOTE_BASE,
    title: "Kustomize base or component is remote",
    severity: "low",
    category: "input",
    rationale:
      "A kustomization lists a remote base or component (a URL, `github.com/…`, `git@…`, or a path with `?ref=`). kubeward reads only local files and does not fetch remote bases, so the objects from it are not linted unless `kustomize build` fetches it itself; findings on them then point at the kustomization, not at the remote files. The note says so instead of passing the base over in silence; it does not fail the run.",
    remediation: "Lint the remote base where it is maintained, or vendor it into the repository and list the local folder instead; turn the note off in .kubeward.yaml to accept remote bases.",
    frameworks: [],
    equivalents: {},
  },
  {
    id: UNKNOWN_IGNORED_RULE,
    title: "kubeward-ignore comment names no rule",
    severity: "medium",
    category: "input",
    rationale:
      "A `# kubeward-ignore` comment names an id that is no rule (a typo, or a rule of another tool), so it suppresses nothing for it and the finding it was meant for still shows. Reported at the id in the comment, with the rule id it is nearest to. Checked in every plain manifest, and in the chart and Kustomize files kubeward reads to locate a finding.",
    remediation: "Correct the id (`kubeward rules` lists them), or remove it from the comment.",
    frameworks: [],
    equivalents: {},
  },
  {
    id: RULE_ERROR,
    title: "A rule failed on this input",
    severity: "high",
    category: "input",
    rationale: "A rule hit an unexpected input and stopped; its other findings for the object may be missing. This is a kubeward bug.",
    remediation: "Report the input that caused it. The other rules still ran.",
    frameworks: [],
    equivalents: {},
  },
];

/** Ids of the diagnostics that mean some input could not be linted; each of them fails the run. */
export const UNLINTED_INPUT_RULES: ReadonlySet<string> = new Set(DIAGNOSTIC_RULES.filter((meta) => meta.unlintedInput).map((meta) => meta.id));
