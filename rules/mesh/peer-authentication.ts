import { isRecord, lookupNamespace, recordOf, type K8sObject, type ObjectIndex, type Path } from "../../src/engine/api.js";
import { describeObject, isPeerAuthentication, selectorLabels, selects, specOf } from "./istio.js";

/** The mTLS modes of PeerAuthentication.MutualTLS.Mode. */
export type MtlsMode = "UNSET" | "DISABLE" | "PERMISSIVE" | "STRICT";

const MODES: ReadonlySet<string> = new Set(["UNSET", "DISABLE", "PERMISSIVE", "STRICT"]);

/** A mode as written, where it is; an absent `mtls` or `mode` is UNSET (inherits from the parent). */
export interface WrittenMode {
  mode: MtlsMode;
  path: Path;
}

function modeAt(value: unknown, path: Path): WrittenMode {
  const mode = recordOf(value).mode;
  return typeof mode === "string" && MODES.has(mode) ? { mode: mode as MtlsMode, path: [...path, "mode"] } : { mode: "UNSET", path };
}

/** A PeerAuthentication, read: its level, its mode, and (for a workload policy) its per-port modes. */
export interface PeerPolicy {
  object: K8sObject;
  /** "mesh" in the root namespace without selector; a root-namespace policy with a selector is ignored by Istio. */
  level: "mesh" | "namespace" | "workload";
  selector?: Record<string, string>;
  mtls: WrittenMode;
  /** `portLevelMtls`, which Istio applies only to policies with a selector. */
  ports: Array<{ port: string } & WrittenMode>;
}

export function peerPolicyOf(object: K8sObject, rootNamespace: string): PeerPolicy | undefined {
  if (!isPeerAuthentication(object)) return undefined;
  const spec = specOf(object);
  const selector = selectorLabels(spec);
  const inRoot = lookupNamespace(object) === rootNamespace;
  if (inRoot && selector) return undefined;
  const mtls = modeAt(spec.mtls, ["spec", "mtls"]);
  if (!selector) return { object, level: inRoot ? "mesh" : "namespace", mtls, ports: [] };
  const portLevel = recordOf(spec.portLevelMtls);
  const ports = Object.keys(portLevel)
    .filter((port) => isRecord(portLevel[port]))
    .map((port) => ({ port, ...modeAt(portLevel[port], ["spec", "portLevelMtls", port]) }));
  return { object, level: "workload", selector, mtls, ports };
}

/** The policy that decided a workload's (or a port's) mode, for the message and a related location. */
export interface Decision {
  policy: PeerPolicy;
  path: Path;
  mode: Exclude<MtlsMode, "UNSET">;
  /** How the message names the policy's reach: "mesh-wide", "namespace-wide", "for the workload", "for port 8080". */
  reach: string;
}

/** A workload's effective mTLS mode, and the policies that gave it (mesh, namespace, workload, port; those that set a mode). */
export interface EffectiveMode {
  mode: Exclude<MtlsMode, "UNSET">;
  decidedBy: Decision[];
  /** Ports whose own mode differs from the workload's, with theirs. */
  ports: Array<{ port: string; decidedBy: Decision }>;
}

interface PeerIndex {
  mesh?: PeerPolicy;
  byNamespace: Map<string, { namespaceWide?: PeerPolicy; workload: PeerPolicy[] }>;
  count: number;
}

const indexes = new WeakMap<ObjectIndex, Map<string, PeerIndex>>();
const namespaceKey = (namespace: string | undefined): string => namespace ?? "\u0000";

/**
 * The PeerAuthentications of a scope by namespace, read once per index (and root namespace). Where
 * several policies of one level apply, Istio takes the oldest; the linter has no creation time and
 * takes the first linted.
 */
export function peerIndex(index: ObjectIndex, rootNamespace: string): PeerIndex {
  let byRoot = indexes.get(index);
  if (!byRoot) {
    byRoot = new Map();
    indexes.set(index, byRoot);
  }
  const known = byRoot.get(rootNamespace);
  if (known) return known;
  const built: PeerIndex = { byNamespace: new Map(), count: 0 };
  for (const object of index.ofKind("PeerAuthentication")) {
    const policy = peerPolicyOf(object, rootNamespace);
    if (!policy) continue;
    built.count++;
    if (policy.level === "mesh") {
      built.mesh ??= policy;
      continue;
    }
    const key = namespaceKey(lookupNamespace(object));
    let entry = built.byNamespace.get(key);
    if (!entry) {
      entry = { workload: [] };
      built.byNamespace.set(key, entry);
    }
    if (policy.level === "namespace") entry.namespaceWide ??= policy;
    else entry.workload.push(policy);
  }
  byRoot.set(rootNamespace, built);
  return built;
}

const REACH = { mesh: "mesh-wide", namespace: "namespace-wide", workload: "for the workload" } as const;

/**
 * Istio's precedence (pilot/pkg/security/authn/policy_applier.go, ComposePeerAuthentication): start
 * from PERMISSIVE, then the mesh policy, the namespace policy and the workload policy each override the
 * mode unless theirs is UNSET; a port's mode overrides the workload's, and an UNSET port inherits it.
 */
export function effectiveMode(peers: PeerIndex, namespace: string | undefined, labels: Readonly<Record<string, unknown>>): EffectiveMode {
  const entry = peers.byNamespace.get(namespaceKey(namespace));
  const workload = entry?.workload.find((policy) => policy.selector && selects(policy.selector, labels));
  let mode: Exclude<MtlsMode, "UNSET"> = "PERMISSIVE";
  const decidedBy: Decision[] = [];
  for (const policy of [peers.mesh, entry?.namespaceWide, workload]) {
    if (!policy || policy.mtls.mode === "UNSET") continue;
    mode = policy.mtls.mode;
    decidedBy.push({ policy, path: policy.mtls.path, mode, reach: REACH[policy.level] });
  }
  const ports = workload
    ? workload.ports.flatMap(({ port, mode: portMode, path }) =>
        portMode === "UNSET" || portMode === mode ? [] : [{ port, decidedBy: { policy: workload, path, mode: portMode, reach: `for port ${port}` } }],
      )
    : [];
  return { mode, decidedBy, ports };
}

/** How a message names a policy's decision: `PeerAuthentication "shop/default" (namespace-wide) sets PERMISSIVE`. */
export function describeDecision(decision: Decision): string {
  return `${describeObject(decision.policy.object)} (${decision.reach}) sets ${decision.mode}`;
}
