import path from "node:path";
import type { KustomizationLayer, KustomizationTree } from "./model.js";

/** Kinds whose names Kustomize's namePrefix and nameSuffix leave alone. */
const UNPREFIXED_KINDS = new Set(["Namespace", "CustomResourceDefinition"]);

/** Guards against a pathological diamond of bases multiplying without end. */
const MAX_INSTANCES = 10_000;

/** One use of a layer: a base listed by two overlays is used twice, with different prefixes. */
export interface LayerUse {
  layer: KustomizationLayer;
  parent?: LayerUse;
  /** Position among the parent's components, when this use is a component. */
  componentIndex?: number;
  components: LayerUse[];
  /** Layers whose transformers reach objects from this use, the last applied first (filled on demand). */
  effects?: KustomizationLayer[];
}

/** Every use of every layer reached from the tree's root, the root's first. */
export function layerUses(tree: KustomizationTree): { root?: LayerUse; uses: LayerUse[] } {
  const uses: LayerUse[] = [];
  const use = (dir: string, parent?: LayerUse, componentIndex?: number): LayerUse | undefined => {
    const layer = tree.layers.get(path.resolve(dir));
    if (!layer || uses.length >= MAX_INSTANCES) return undefined;
    const current: LayerUse = { layer, parent, componentIndex, components: [] };
    uses.push(current);
    for (const base of layer.bases) use(base.dir, current);
    layer.components.forEach((component, index) => {
      const child = use(component.dir, current, index);
      if (child) current.components.push(child);
    });
    return current;
  };
  const root = use(tree.root);
  return { root, uses };
}

/** An object's names from its file's to the built one, as each use's namePrefix, nameSuffix (or namespace, for a Namespace) changes it. */
export function namesThrough(kind: string, name: string, use: LayerUse): string[] {
  const names = [name];
  let current = name;
  for (let at: LayerUse | undefined = use; at; at = at.parent) {
    if (kind === "Namespace") {
      if (at.layer.namespace) current = at.layer.namespace.value;
    } else if (!UNPREFIXED_KINDS.has(kind)) {
      current = `${at.layer.namePrefix?.value ?? ""}${current}${at.layer.nameSuffix?.value ?? ""}`;
    }
    names.push(current);
  }
  return names;
}

/** An object's namespaces from its file's to the built one. */
export function namespacesThrough(namespace: string | undefined, use: LayerUse): string[] {
  const namespaces = namespace === undefined ? [] : [namespace];
  for (let at: LayerUse | undefined = use; at; at = at.parent) {
    if (at.layer.namespace) namespaces.push(at.layer.namespace.value);
  }
  return namespaces;
}

/** Layers whose patches and images reach objects that come from `use`, the last applied first. */
export function effectsOf(use: LayerUse): KustomizationLayer[] {
  if (use.effects) return use.effects;
  const chain: LayerUse[] = [];
  for (let at: LayerUse | undefined = use; at; at = at.parent) chain.unshift(at);
  const effects: KustomizationLayer[] = [];
  const addComponent = (component: LayerUse): void => {
    effects.push(component.layer);
    for (let i = component.components.length - 1; i >= 0; i--) addComponent(component.components[i]);
  };
  chain.forEach((at, i) => {
    // A layer's own transformers run after its components, which run after its resources.
    effects.push(at.layer);
    const child = chain.at(i + 1);
    const after = child?.componentIndex !== undefined ? child.componentIndex + 1 : 0;
    for (let j = at.components.length - 1; j >= after; j--) addComponent(at.components[j]);
  });
  use.effects = effects;
  return effects;
}
