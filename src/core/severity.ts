import { SEVERITIES, type Severity } from "./rule-meta.js";

/** SARIF / editor level: what the severity means for a build. */
export type Level = "error" | "warning" | "note";
export const LEVELS: readonly Level[] = ["error", "warning", "note"];

export function levelOf(severity: Severity): Level {
  switch (severity) {
    case "critical":
    case "high":
      return "error";
    case "medium":
      return "warning";
    case "low":
      return "note";
  }
}

/** GitHub code scanning buckets: ≥9 critical, 7–8.9 high, 4–6.9 medium, <4 low. */
export function securitySeverity(severity: Severity): string {
  return { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0" }[severity];
}

/** The lowest level (`warning`) or severity (`high`) that fails a run, or `none`. */
export type FailLevel = Level | Severity | "none";
export const FAIL_LEVELS: readonly FailLevel[] = [...LEVELS, ...SEVERITIES, "none"];

/** Whether a finding of `severity` fails a run whose fail level is `failOn`. */
export function failsAt(severity: Severity, failOn: FailLevel): boolean {
  if (failOn === "none") return false;
  if (SEVERITIES.includes(failOn as Severity)) return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn as Severity);
  return LEVELS.indexOf(levelOf(severity)) <= LEVELS.indexOf(failOn as Level);
}
