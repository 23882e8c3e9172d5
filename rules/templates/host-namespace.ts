import { defineRule, describePod, podSpecOf, type Rule, type RuleMeta } from "../../src/engine/api.js";

/** What sets one host-namespace rule apart from the others: the pod spec field and the namespace it shares. */
export interface HostNamespace {
  /** The pod spec boolean, e.g. `hostNetwork`. */
  field: string;
  /** The namespace as a person names it, e.g. `network` or `process`. */
  namespace: string;
  meta: Omit<RuleMeta, "category" | "example">;
}

/**
 * A rule that reports a pod spec sharing one of the node's namespaces (`hostNetwork`, `hostPID`,
 * `hostIPC` set to `true`), at the field a person deletes.
 */
export function hostNamespaceRule({ field, namespace, meta }: HostNamespace): Rule {
  const pod = "spec:\n  containers:\n    - name: app\n      image: app:1.0";
  return defineRule({
    meta: {
      ...meta,
      category: "pod-security",
      messages: { sharesHostNamespace: `{{pod}} shares the node's ${namespace} namespace (${field}: true).` },
      example: { bad: pod.replace("spec:\n", `spec:\n  ${field}: true\n`), good: pod },
    },
    *check(object) {
      const spec = podSpecOf(object);
      if (spec?.spec[field] !== true) return;
      yield { path: [...spec.path, field], messageId: "sharesHostNamespace", data: { pod: describePod(spec) } };
    },
  });
}
