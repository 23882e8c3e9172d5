import type { FrameworkRef, Severity } from "./rule-meta.js";
import type { JsonObject } from "./types.js";

/** A place in a configuration or rules file, 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** A string read from YAML that knows where each of its characters is written (for errors inside CEL). */
export interface SourceString {
  value: string;
  /** Where the character at `offset` of the value is written (the value's start when omitted). */
  at(offset?: number): SourcePosition;
}

export interface CustomValidationSpec {
  expression: SourceString;
  message?: string;
  messageExpression?: SourceString;
  fieldPath?: SourceString;
}

/** A custom rule as `customRules:` or a `--rules` file defines it, before its CEL is compiled. */
export interface CustomRuleSpec {
  id: string;
  title: string;
  severity: Severity;
  message?: string;
  messageExpression?: SourceString;
  match: { apiGroups?: string[]; kinds?: string[]; namespaces?: string[]; labelSelector?: JsonObject };
  variables: Array<{ name: string; expression: SourceString }>;
  validations: CustomValidationSpec[];
  fieldPath?: SourceString;
  frameworks: FrameworkRef[];
  rationale?: string;
  remediation?: string;
  /** Where the rule's id is written. */
  defined: SourcePosition;
}

/** Ids that name the rules of ValidatingAdmissionPolicies: `vap/<policy name>`. */
export const VAP_RULE_PREFIX = "vap/";
