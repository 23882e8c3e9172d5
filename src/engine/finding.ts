import type { ObjectIdentity, Path, Provenance, Region, RelatedLocation } from "../core/types.js";
import { lastAnswerOf } from "../core/memo.js";
import type { Severity } from "../core/rule-meta.js";
import type { MessageData } from "../core/message.js";

/** Why a finding is not counted: an annotation on the object or a comment on the line. */
export interface Suppression {
  kind: "annotation" | "comment";
  reason?: string;
}

/** One problem at one place; what every output format is made from. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** For a rule's finding, the id of its message template and the values filled in; tests assert these. */
  messageId?: string;
  data?: MessageData;
  /** Display path, relative to the working directory, forward slashes. */
  file: string;
  region: Region;
  object?: ObjectIdentity;
  /** Field path inside the object, when the finding is about a field. */
  path?: Path;
  suppression?: Suppression;
  /** Where a rendered field comes from (the Helm values keys feeding it, the Kustomize entry that set it), as data for reporters to word. */
  provenance?: Provenance;
  /** Helm value sets whose rendering produced this finding, when a chart has more than one. */
  valueSets?: string[];
  /** Other objects' fields that explain the finding (the role a binding grants, the bindings of a role). */
  related?: RelatedLocation[];
  /** The chart or kustomization folder (display path) the object was rendered from. */
  source?: string;
}

/**
 * `Kind/namespace/name`, or `Kind/name` for objects without a namespace. Reporters ask several times
 * for each finding, and an object's findings mostly come together.
 */
export const objectLabel: (object: ObjectIdentity) => string = lastAnswerOf((object: ObjectIdentity) => {
  const name = object.name || "(unnamed)";
  return object.namespace === undefined ? `${object.kind}/${name}` : `${object.kind}/${object.namespace}/${name}`;
});

/** The Kustomize provenance as text ("" when there is none): findings that differ only in it are different findings. */
export function kustomizeProvenanceKey(finding: Finding): string {
  return finding.provenance?.kustomize ? JSON.stringify(finding.provenance.kustomize) : "";
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order: file, line, column, rule, message, then what set the field. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.region.startLine - b.region.startLine ||
    a.region.startColumn - b.region.startColumn ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message) ||
    compareText(kustomizeProvenanceKey(a), kustomizeProvenanceKey(b))
  );
}
