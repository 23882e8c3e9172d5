import { arrayOf, isRecord, lookupNamespace, recordOf, type JsonObject, type K8sObject, type OptionSpecs, type Path, type RuleMeta } from "../../src/engine/api.js";

/** The API versions Istio serves its security kinds (PeerAuthentication, AuthorizationPolicy) at. */
const SECURITY_VERSIONS = new Set(["security.istio.io/v1", "security.istio.io/v1beta1"]);
/** The API versions of its networking kinds (DestinationRule, Gateway, …); v1alpha3 is still served. */
const NETWORKING_VERSIONS = new Set(["networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3"]);

export const isPeerAuthentication = (object: K8sObject): boolean => object.kind === "PeerAuthentication" && SECURITY_VERSIONS.has(object.apiVersion);
export const isAuthorizationPolicy = (object: K8sObject): boolean => object.kind === "AuthorizationPolicy" && SECURITY_VERSIONS.has(object.apiVersion);
export const isDestinationRule = (object: K8sObject): boolean => object.kind === "DestinationRule" && NETWORKING_VERSIONS.has(object.apiVersion);
export const isIstioGateway = (object: K8sObject): boolean => object.kind === "Gateway" && NETWORKING_VERSIONS.has(object.apiVersion);

/** Whether an object is Istio configuration (any kind of its security or networking groups). */
export function isIstioConfig(object: K8sObject): boolean {
  return SECURITY_VERSIONS.has(object.apiVersion) || NETWORKING_VERSIONS.has(object.apiVersion);
}

/** Istio's kinds that say a scope uses the mesh, for `lookupKinds`. */
export const ISTIO_KINDS = [
  "AuthorizationPolicy",
  "DestinationRule",
  "Gateway",
  "PeerAuthentication",
  "RequestAuthentication",
  "ServiceEntry",
  "Sidecar",
  "VirtualService",
  "WorkloadEntry",
] as const;

/** The option every rule that tells mesh-wide policy from namespace policy declares. */
export const ROOT_NAMESPACE_OPTION = {
  meshRootNamespace: {
    type: "string",
    description: "The mesh's root namespace (meshConfig.rootNamespace): policies there without a selector apply to the whole mesh.",
    default: "istio-system",
  },
} as const satisfies OptionSpecs;

/** `in namespace "shop"`, `in the release namespace`, or `in the namespace it is applied to`. */
export function namespacePhrase(object: K8sObject): string {
  const namespace = lookupNamespace(object);
  if (namespace !== undefined) return `in namespace "${namespace}"`;
  return object.namespace === undefined ? "in the namespace it is applied to" : "in the release namespace";
}

/** `PeerAuthentication "shop/default"`, or without the namespace when it is chosen at install or apply. */
export function describeObject(object: K8sObject): string {
  const namespace = lookupNamespace(object);
  return `${object.kind} "${namespace === undefined ? object.name : `${namespace}/${object.name}`}"`;
}

/**
 * A WorkloadSelector's labels. Istio's WorkloadSelector has only `matchLabels`; a selector without any
 * is no selector at all (policy_applier.go reads `len(spec.Selector.MatchLabels) == 0` as namespace-wide).
 */
export function selectorLabels(spec: JsonObject): Record<string, string> | undefined {
  const labels = Object.entries(recordOf(recordOf(spec.selector).matchLabels)).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return labels.length === 0 ? undefined : Object.fromEntries(labels);
}

/** Whether every label of a WorkloadSelector is on the pod (Istio's `SubsetOf`). */
export function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** `app=web, tier=front`: a selector as the message says it. */
export function describeSelector(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(", ");
}

/** An object's `spec`, or an empty one. */
export const specOf = (object: K8sObject): JsonObject => recordOf(object.body.spec);

/** Items of a list field that are mappings, with their index. */
export function recordItems(value: unknown): Array<{ item: JsonObject; index: number }> {
  return arrayOf(value).flatMap((item, index) => (isRecord(item) ? [{ item, index }] : []));
}

/** A field's path under `spec`. */
export const specPath = (...segments: Path): Path => ["spec", ...segments];

/** Frameworks of the rules about encryption and peer authentication in the mesh. */
export const IN_TRANSIT_FRAMEWORKS: RuleMeta["frameworks"] = [
  { framework: "NSA-CISA", control: "network/encryption" },
  { framework: "PCI-DSS", control: "4.2" },
  { framework: "MITRE-ATT&CK", control: "T1040" },
  { framework: "MITRE-ATT&CK", control: "T1557" },
];

/** Frameworks of the rules about service-to-service authorization in the mesh. */
export const AUTHORIZATION_FRAMEWORKS: RuleMeta["frameworks"] = [
  { framework: "NSA-CISA", control: "network/network-policies" },
  { framework: "MITRE-ATT&CK", control: "T1021" },
];

/** A server of an Istio Gateway: its index, port protocol (upper case), `tls`, and how the message names it. */
export interface GatewayServer {
  index: number;
  protocol: string;
  tls: JsonObject;
  name: string;
}

/** The servers of an Istio Gateway (networking.istio.io), named `servers[0] (port 80, hosts "a", "b")`. */
export function gatewayServers(object: K8sObject): GatewayServer[] {
  if (!isIstioGateway(object)) return [];
  return recordItems(specOf(object).servers).map(({ item, index }) => {
    const port = recordOf(item.port);
    const protocol = typeof port.protocol === "string" ? port.protocol.toUpperCase() : "";
    const hosts = arrayOf(item.hosts).filter((host) => typeof host === "string");
    const number = typeof port.number === "number" ? `port ${port.number}` : "";
    const details = [number, hosts.length > 0 ? `hosts ${hosts.map((host) => `"${host}"`).join(", ")}` : ""].filter(Boolean).join(", ");
    return { index, protocol, tls: recordOf(item.tls), name: `servers[${index}]${details ? ` (${details})` : ""} of ${describeObject(object)}` };
  });
}
