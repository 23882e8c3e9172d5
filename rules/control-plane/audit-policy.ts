import { arrayOf, isRecord, stringsOf, type AppliesTo, type JsonObject, type Path, type RuleMeta } from "../../src/engine/api.js";

/** What the audit Policy rules read: objects of kind Policy (isAuditPolicy tells the audit group's from others). */
export const AUDIT_POLICIES: AppliesTo = { kinds: ["Policy"] };

/** The controls every audit Policy rule serves: NSA-CISA's native audit logging, and PCI DSS's audit trail. */
export const AUDIT_LOGGING: RuleMeta["frameworks"] = [
  { framework: "NSA-CISA", control: "logging/audit-logging" },
  { framework: "PCI-DSS", control: "10.2" },
];

/** One rule of an audit Policy, its lists read as strings; an empty list restricts nothing. */
export interface AuditRule {
  index: number;
  level: string | undefined;
  users: string[];
  userGroups: string[];
  verbs: string[];
  namespaces: string[];
  resources: Array<{ group: string; resources: string[]; resourceNames: string[] }>;
  nonResourceURLs: string[];
  omitStages: string[];
  path: Path;
}

export function auditRules(body: JsonObject): AuditRule[] {
  return arrayOf(body.rules).flatMap((rule, index): AuditRule[] => {
    if (!isRecord(rule)) return [];
    return [
      {
        index,
        level: typeof rule.level === "string" ? rule.level : undefined,
        users: stringsOf(rule.users),
        userGroups: stringsOf(rule.userGroups),
        verbs: stringsOf(rule.verbs),
        namespaces: stringsOf(rule.namespaces),
        resources: arrayOf(rule.resources)
          .filter(isRecord)
          .map((gr) => ({ group: typeof gr.group === "string" ? gr.group : "", resources: stringsOf(gr.resources), resourceNames: stringsOf(gr.resourceNames) })),
        nonResourceURLs: stringsOf(rule.nonResourceURLs),
        // Index for index, so a stage can be pointed at: an item that is not a string reads as "".
        omitStages: arrayOf(rule.omitStages).map((stage) => (typeof stage === "string" ? stage : "")),
        path: ["rules", index],
      },
    ];
  });
}

/** A rule that matches every request: it names no users, groups, verbs, namespaces, resources or URLs. */
export function isCatchAll(rule: AuditRule): boolean {
  return [rule.users, rule.userGroups, rule.verbs, rule.namespaces, rule.resources, rule.nonResourceURLs].every((list) => list.length === 0);
}

/** A resource request kind the rules are asked about: a resource without subresource, and the verbs it serves. */
export interface AuditTarget {
  group: string;
  resource: string;
  namespaced: boolean;
  verbs: readonly string[];
}

/** The verbs of `target` that `rule` can match, and whether it matches all such requests or only some (some users, namespaces or names). */
export function ruleReach(rule: AuditRule, target: AuditTarget): { verbs: string[]; partial: boolean } | undefined {
  // As the API server's policy checker (audit/policy/checker.go) reads a rule.
  const verbs = rule.verbs.length === 0 ? [...target.verbs] : target.verbs.filter((verb) => rule.verbs.includes(verb));
  if (verbs.length === 0) return undefined;
  let partial = rule.users.length > 0 || rule.userGroups.length > 0;
  if (rule.namespaces.length > 0 || rule.resources.length > 0) {
    if (rule.namespaces.length > 0) {
      // A cluster-scoped resource has the namespace "": only a list that names "" matches it.
      if (!target.namespaced && !rule.namespaces.includes("")) return undefined;
      if (target.namespaced) partial = true;
    }
    if (rule.resources.length > 0) {
      const matching = rule.resources.filter(
        (gr) =>
          gr.group === target.group &&
          (gr.resources.length === 0 || gr.resources.some((name) => name === "*" || name === target.resource || name === `${target.resource}/*`)),
      );
      if (matching.length === 0) return undefined;
      // resourceNames restrict a group's resource list; a group without resources matches all of them, whatever the names.
      if (matching.every((gr) => gr.resources.length > 0 && gr.resourceNames.length > 0)) partial = true;
    }
  } else if (rule.nonResourceURLs.length > 0) {
    return undefined;
  }
  return { verbs, partial };
}
