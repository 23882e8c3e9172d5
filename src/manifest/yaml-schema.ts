import { CORE_SCHEMA, NOT_RESOLVED, boolYaml11Tag, defineScalarTag, intYaml11Tag, mergeTag } from "js-yaml";

/** YAML 1.1 integers without the base-60 form: Kubernetes' reader keeps `12:30` a string. */
const intTag = defineScalarTag(intYaml11Tag.tagName, {
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => (source.includes(":") ? NOT_RESOLVED : intYaml11Tag.resolve(source, isExplicit, tagName)),
});

/**
 * Kubernetes reads YAML as YAML 1.1 (sigs.k8s.io/yaml): `yes`/`no`/`on`/`off` are booleans,
 * `0644` is octal, and `<<` merges.
 */
export const KUBERNETES_SCHEMA = CORE_SCHEMA.withTags(mergeTag, boolYaml11Tag, intTag);

/** Deep enough for any real object (CRD schemas included), shallow enough to refuse nesting bombs. */
export const MAX_DEPTH = 256;
