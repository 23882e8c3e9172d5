import type { Framework, RuleMeta } from "./rule-meta.js";

/** What `--framework` and the config's `frameworks:` can select. */
export const FRAMEWORK_SELECTIONS = ["pss-baseline", "pss-restricted", "cis", "nsa", "pci-dss", "mitre"] as const;
export type FrameworkSelection = (typeof FRAMEWORK_SELECTIONS)[number];

const FRAMEWORK_OF: Record<Exclude<FrameworkSelection, "pss-baseline" | "pss-restricted">, Framework> = {
  cis: "CIS",
  nsa: "NSA-CISA",
  "pci-dss": "PCI-DSS",
  mitre: "MITRE-ATT&CK",
};

/**
 * Whether a rule checks a control of the selected framework. The restricted profile of the Pod
 * Security Standards includes every baseline control, so `pss-restricted` selects both levels.
 */
export function servesFramework(meta: Pick<RuleMeta, "frameworks">, selection: FrameworkSelection): boolean {
  return meta.frameworks.some((ref) => {
    // PSS control ids are `level/control`, e.g. `baseline/privileged-containers`.
    if (selection === "pss-baseline") return ref.framework === "PSS" && ref.control.startsWith("baseline/");
    if (selection === "pss-restricted") return ref.framework === "PSS" && (ref.control.startsWith("baseline/") || ref.control.startsWith("restricted/"));
    return ref.framework === FRAMEWORK_OF[selection];
  });
}

/** The rules a run uses when frameworks are selected: those that serve any of them; all rules when none is. */
export function rulesOfFrameworks<T extends { meta: Pick<RuleMeta, "frameworks"> }>(rules: readonly T[], selections: readonly FrameworkSelection[]): T[] {
  if (selections.length === 0) return [...rules];
  return rules.filter((rule) => selections.some((selection) => servesFramework(rule.meta, selection)));
}
