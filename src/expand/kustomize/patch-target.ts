import type { PatchTarget } from "./model.js";

function matchesPattern(pattern: string | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  try {
    return new RegExp(`^(?:${pattern})$`).test(value);
  } catch {
    return pattern === value;
  }
}

/** Kubernetes label selector syntax: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x,y)`. */
export function matchesSelector(selector: string, labels: Record<string, unknown>): boolean {
  const requirements = selector.split(/,(?![^(]*\))/).map((part) => part.trim()).filter(Boolean);
  return requirements.every((requirement) => {
    const set = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(requirement);
    if (set) {
      const values = set[3].split(",").map((value) => value.trim());
      const has = typeof labels[set[1]] === "string" && values.includes(labels[set[1]] as string);
      return set[2] === "in" ? has : !has;
    }
    const compare = /^([^\s!=]+)\s*(==|=|!=)\s*(.*)$/.exec(requirement);
    if (compare) {
      const equal = labels[compare[1]] === compare[3].trim();
      return compare[2] === "!=" ? !equal : equal;
    }
    if (requirement.startsWith("!")) return !Object.hasOwn(labels, requirement.slice(1).trim());
    return Object.hasOwn(labels, requirement);
  });
}

/** What a patch target is matched against: the object as each layer saw it. */
export interface Identity {
  group: string;
  version: string;
  kind: string;
  names: Set<string>;
  namespaces: Set<string>;
  labels: Record<string, unknown>;
  annotations: Record<string, unknown>;
}

/** Whether a patch's `target:` selects the object. */
export function targetMatches(target: PatchTarget, identity: Identity): boolean {
  if (target.group !== undefined && target.group !== identity.group) return false;
  if (target.version !== undefined && target.version !== identity.version) return false;
  if (!matchesPattern(target.kind, identity.kind)) return false;
  if (target.name !== undefined && ![...identity.names].some((name) => matchesPattern(target.name, name))) return false;
  if (target.namespace !== undefined && ![...identity.namespaces].some((namespace) => matchesPattern(target.namespace, namespace))) return false;
  if (target.labelSelector && !matchesSelector(target.labelSelector, identity.labels)) return false;
  if (target.annotationSelector && !matchesSelector(target.annotationSelector, identity.annotations)) return false;
  return true;
}
