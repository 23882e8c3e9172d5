import type { K8sObject, Path } from "../core/types.js";

/** All objects of a run, indexed once so cross-object rules stay linear. */
export interface ObjectIndex {
  readonly all: readonly K8sObject[];
  ofKind(kind: string): readonly K8sObject[];
  /**
   * The object of `kind` named `name` in `namespace`, as `lookupNamespace` gives it: undefined matches
   * objects without a namespace and, from one chart rendering, those in the release namespace.
   */
  find(kind: string, namespace: string | undefined, name: string): K8sObject | undefined;
}

/**
 * The namespace to look an object up by. A chart's object without a namespace lands in the release
 * namespace, like one that names the release namespace (`.Release.Namespace`), so both are undefined:
 * the namespace chosen at install. Other objects keep their own.
 */
export function lookupNamespace(object: K8sObject): string | undefined {
  if (object.origin.releaseNamespace) return undefined;
  return object.namespace;
}

const key = (kind: string, namespace: string | undefined, name: string): string => `${kind}\u0000${namespace ?? ""}\u0000${name}`;

export function indexObjects(objects: readonly K8sObject[]): ObjectIndex {
  const byKind = new Map<string, K8sObject[]>();
  const byIdentity = new Map<string, K8sObject>();
  for (const object of objects) {
    const list = byKind.get(object.kind);
    if (list) list.push(object);
    else byKind.set(object.kind, [object]);
    const identity = key(object.kind, lookupNamespace(object), object.name);
    if (!byIdentity.has(identity)) byIdentity.set(identity, object);
  }
  return {
    all: objects,
    ofKind: (kind) => byKind.get(kind) ?? [],
    find: (kind, namespace, name) => byIdentity.get(key(kind, namespace, name)),
  };
}

/** Whether helm filled this field with the release namespace: its rendered value is then only the namespace helm rendered into. */
export function isReleaseNamespaceField(object: K8sObject, path: Path): boolean {
  return object.origin.releaseNamespaceFields?.includes(JSON.stringify(path)) ?? false;
}

/** Whether the chart generates this field at render time (`randAlphaNum`, `genCA`): its value is made at install, not written. */
export function isGeneratedField(object: K8sObject, path: Path): boolean {
  return object.origin.generatedFields?.includes(JSON.stringify(path)) ?? false;
}
