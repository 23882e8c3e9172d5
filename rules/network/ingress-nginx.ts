import type { K8sObject } from "../../src/engine/api.js";
import { annotationsOf, isIngress } from "./exposure.js";

/** ingress-nginx's default annotation prefix (the controller's `--annotations-prefix`). */
const PREFIX = "nginx.ingress.kubernetes.io/";

/** An ingress-nginx annotation of an Ingress: its full key, its name after the prefix, and its value. */
export interface NginxAnnotation {
  key: string;
  name: string;
  value: string;
}

/** The `nginx.ingress.kubernetes.io/` annotations of an Ingress; none for any other object. */
export function nginxAnnotations(object: K8sObject): NginxAnnotation[] {
  if (!isIngress(object)) return [];
  return annotationsOf(object).flatMap(([key, value]) => (key.startsWith(PREFIX) ? [{ key, name: key.slice(PREFIX.length), value }] : []));
}

/**
 * Whether an annotation is a snippet: raw nginx configuration copied into the generated nginx.conf
 * (configuration-, server-, auth-, stream- and modsecurity-snippet in ingress-nginx's annotation list).
 */
export function isSnippet(annotation: NginxAnnotation): boolean {
  return annotation.name.endsWith("-snippet");
}
