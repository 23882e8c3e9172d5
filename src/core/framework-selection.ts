import type { Framework, FrameworkRef, RuleMeta } from "./rule-meta.js";

/** What `--framework` and the config's `frameworks:` can select. */
export const FRAMEWORK_SELECTIONS = ["pss-baseline", "pss-restricted", "cis", "nsa", "pci-dss", "mitre"] as const;
export type FrameworkSelection = (typeof FRAMEWORK_SELECTIONS)[number];

/** The framework whose controls a selection takes (the PSS ones, only some of them). */
export const FRAMEWORK_OF: Readonly<Record<FrameworkSelection, Framework>> = {
  "pss-baseline": "PSS",
  "pss-restricted": "PSS",
  cis: "CIS",
  nsa: "NSA-CISA",
  "pci-dss": "PCI-DSS",
  mitre: "MITRE-ATT&CK",
};

/**
 * Whether the control `ref` names belongs to the selected framework. The restricted profile of the
 * Pod Security Standards includes every baseline control, so `pss-restricted` selects both levels;
 * PSS control ids are `level/control`, e.g. `baseline/privileged-containers`.
 */
export function selectsControl(selection: FrameworkSelection, ref: FrameworkRef): boolean {
  if (ref.framework !== FRAMEWORK_OF[selection]) return false;
  if (selection === "pss-baseline") return ref.control.startsWith("baseline/");
  if (selection === "pss-restricted") return ref.control.startsWith("baseline/") || ref.control.startsWith("restricted/");
  return true;
}

/** Whether a rule checks a control of the selected framework. */
export function servesFramework(meta: Pick<RuleMeta, "frameworks">, selection: FrameworkSelection): boolean {
  return meta.frameworks.some((ref) => selectsControl(selection, ref));
}

/** The rules a run uses when frameworks are selected: those that serve any of them; all rules when none is. */
export function rulesOfFrameworks<T extends { meta: Pick<RuleMeta, "frameworks"> }>(rules: readonly T[], selections: readonly FrameworkSelection[]): T[] {
  if (selections.length === 0) return [...rules];
  return rules.filter((rule) => selections.some((selection) => servesFramework(rule.meta, selection)));
}
