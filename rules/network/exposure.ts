import { arrayOf, isRecord, recordOf, type AppliesTo, type JsonObject, type K8sObject, type RuleMeta } from "../../src/engine/api.js";

/** What the rules over Gateway API listeners (listenersOf) read. */
export const GATEWAY_LISTENERS: AppliesTo = { kinds: ["Gateway", "ListenerSet", "XListenerSet"] };

/** The controls a rule about plain HTTP toward clients serves: encryption in transit. */
export const TLS_IN_TRANSIT: RuleMeta["frameworks"] = [
  { framework: "PCI-DSS", control: "4.2" },
  { framework: "NSA-CISA", control: "network/encryption" },
  { framework: "MITRE-ATT&CK", control: "T1040" },
];

/** The API group of an object's apiVersion: "" for the core group (`v1`). */
function apiGroupOf(object: K8sObject): string {
  const slash = object.apiVersion.lastIndexOf("/");
  return slash === -1 ? "" : object.apiVersion.slice(0, slash);
}

/** Whether the object is a core Service. */
export function isService(object: K8sObject): boolean {
  return object.kind === "Service" && apiGroupOf(object) === "";
}

/** Whether the object is an Ingress of one of the groups that served it (networking.k8s.io, and extensions before 1.22). */
export function isIngress(object: K8sObject): boolean {
  return object.kind === "Ingress" && (apiGroupOf(object) === "networking.k8s.io" || apiGroupOf(object) === "extensions");
}

/** Whether the object is a Gateway API Gateway; Istio's networking.istio.io Gateway is another kind with the same name. */
export function isGatewayApiGateway(object: K8sObject): boolean {
  return object.kind === "Gateway" && apiGroupOf(object) === "gateway.networking.k8s.io";
}

/** Whether the object is a Gateway API ListenerSet (standard), or its experimental predecessor XListenerSet. */
export function isListenerSet(object: K8sObject): boolean {
  return (
    (object.kind === "ListenerSet" && apiGroupOf(object) === "gateway.networking.k8s.io") ||
    (object.kind === "XListenerSet" && apiGroupOf(object) === "gateway.networking.x-k8s.io")
  );
}

/** `Kind "name"`, as messages name an object. */
export function describeObject(object: K8sObject): string {
  return `${object.kind} "${object.name}"`;
}

/** The object's `spec`, or an empty mapping when it is absent or not a mapping. */
export function specOf(object: K8sObject): JsonObject {
  return recordOf(object.body.spec);
}

/** The object's annotations that are strings, with their keys. */
export function annotationsOf(object: K8sObject): Array<[string, string]> {
  const annotations = recordOf(recordOf(object.body.metadata).annotations);
  return Object.entries(annotations).filter((entry): entry is [string, string] => typeof entry[1] === "string");
}

/** A Gateway listener with its index in `spec.listeners`. */
export interface Listener {
  index: number;
  listener: JsonObject;
  name: string;
  protocol: string;
  /** Undefined when the listener sets no hostname, which matches every hostname. */
  hostname?: string;
}

/** The listeners of a Gateway API Gateway or ListenerSet; none for any other object. */
export function listenersOf(object: K8sObject): Listener[] {
  if (!isGatewayApiGateway(object) && !isListenerSet(object)) return [];
  return arrayOf(specOf(object).listeners).flatMap((listener, index) => {
    if (!isRecord(listener)) return [];
    const { name, protocol, hostname } = listener;
    return [
      {
        index,
        listener,
        name: typeof name === "string" ? name : `#${index}`,
        protocol: typeof protocol === "string" ? protocol : "",
        hostname: typeof hostname === "string" && hostname !== "" ? hostname : undefined,
      },
    ];
  });
}

/**
 * Whether a hostname pattern covers a host: equal (case-insensitively), or a wildcard `*.example.com`
 * covering a longer name. For an Ingress the wildcard covers exactly one label (`a.example.com`, not
 * `a.b.example.com`); in Gateway API it is a suffix match and covers any number.
 */
export function hostnameCovers(pattern: string, host: string, wildcard: "oneLabel" | "suffix"): boolean {
  const wanted = pattern.toLowerCase();
  const actual = host.toLowerCase();
  if (wanted === actual) return true;
  if (!wanted.startsWith("*.")) return false;
  const suffix = wanted.slice(1);
  if (!actual.endsWith(suffix) || actual.length === suffix.length) return false;
  return wildcard === "suffix" || !actual.slice(0, -suffix.length).includes(".");
}

/** A value short enough to quote in a message: one line, at most 60 characters. */
export function excerpt(value: string): string {
  const oneLine = value.trim().replace(/\s*\n\s*/g, " ⏎ ");
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}
