import { defineRule, recordOf, type JsonObject, type ObjectIndex, type Path } from "../../src/engine/api.js";
import { describeObject, IN_TRANSIT_FRAMEWORKS, isDestinationRule, recordItems, specOf } from "./istio.js";

/** One `tls` of a DestinationRule: its mode, where it is, and how the message says where it applies. */
interface TlsSetting {
  mode: string;
  path: Path;
  where: string;
}

/** The `tls` settings of a traffic policy and of its port-level settings. */
function tlsSettings(policy: JsonObject, at: Path, subset: string): TlsSetting[] {
  const settings: TlsSetting[] = [];
  const mode = recordOf(policy.tls).mode;
  if (typeof mode === "string") settings.push({ mode, path: [...at, "tls", "mode"], where: subset === "" ? "for every port" : `for subset "${subset}"` });
  for (const { item, index } of recordItems(policy.portLevelSettings)) {
    const portMode = recordOf(item.tls).mode;
    const port = recordOf(item.port).number;
    if (typeof portMode !== "string") continue;
    const portName = typeof port === "number" ? `port ${port}` : `portLevelSettings[${index}]`;
    settings.push({ mode: portMode, path: [...at, "portLevelSettings", index, "tls", "mode"], where: subset === "" ? `on ${portName}` : `on ${portName} of subset "${subset}"` });
  }
  return settings;
}

function destinationTls(spec: JsonObject): TlsSetting[] {
  const settings = tlsSettings(recordOf(spec.trafficPolicy), ["spec", "trafficPolicy"], "");
  for (const { item, index } of recordItems(spec.subsets)) {
    const name = typeof item.name === "string" ? item.name : `#${index}`;
    settings.push(...tlsSettings(recordOf(item.trafficPolicy), ["spec", "subsets", index, "trafficPolicy"], name));
  }
  return settings;
}

/**
 * Whether a host is a service of the mesh: a cluster-local name (`*.svc.cluster.local`, `*.cluster.local`,
 * `*.svc`, or `*`), a short name, which Istio reads in the rule's namespace, or `name.namespace` of a
 * Service linted with the rule.
 */
function inMesh(host: string, others: ObjectIndex): boolean {
  if (host === "*" || /\.(svc|cluster\.local)$/.test(host)) return true;
  const labels = host.split(".");
  if (labels.length === 1) return true;
  return labels.length === 2 && others.find("Service", labels[1], labels[0]) !== undefined;
}

export default defineRule({
  meta: {
    id: "istio-destination-rule-tls-not-mutual",
    title: "DestinationRule sends plaintext or one-way TLS inside the mesh",
    severity: "high",
    category: "mesh",
    rationale:
      "A DestinationRule's `tls` tells the client sidecar how to connect to a host. Istio's ClientTLSSettings define `DISABLE` as " +
      "\"Do not setup a TLS connection to the upstream endpoint\", `SIMPLE` as \"Originate a TLS connection to the upstream endpoint\" and " +
      "`ISTIO_MUTUAL` as mutual TLS with \"certificates generated automatically by Istio\". Without a `tls`, Istio's auto mTLS sends mutual " +
      "TLS to every server with a sidecar; a DestinationRule that sets DISABLE overrides it and sends plaintext (unless the application " +
      "encrypts on its own), and SIMPLE toward a service of the mesh replaces the mesh's mutual TLS with one-way TLS: the client presents " +
      "no Istio certificate, so the server has no peer identity to authenticate or authorize, and a STRICT server refuses the connection. " +
      "The rule reads `trafficPolicy.tls`, each `portLevelSettings[].tls`, and the same in every subset's `trafficPolicy`. DISABLE toward " +
      "a host outside the mesh (an external name a ServiceEntry serves) is lowered to low: such a host may speak only plaintext. SIMPLE " +
      "toward an external host is TLS origination, as intended, and is not reported; toward an in-mesh host it is medium. A host is in the " +
      "mesh when it is cluster-local (`*.svc.cluster.local`, `*.svc`, `*`), a short name (\"Istio will interpret the short name based on the " +
      "namespace of the rule\", DestinationRule reference), or `name.namespace` of a Service linted with the rule.",
    remediation:
      "Remove `tls` (auto mTLS) or set `mode: ISTIO_MUTUAL` for services of the mesh; use SIMPLE or MUTUAL only to originate TLS toward " +
      "hosts outside the mesh, and DISABLE only for an external host that cannot speak TLS.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    scope:
      "Each DestinationRule is read on its own; whether a `name.namespace` host is a Service of the mesh is looked up among the Services " +
      "linted with it (one chart rendering, one Kustomize build, or all plain manifests of a run).",
    example: {
      bad: "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  host: reviews\n  trafficPolicy:\n    tls:\n      mode: DISABLE",
      good: "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nspec:\n  host: reviews\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL",
    },
    messages: {
      disabled: '{{rule}} turns TLS off {{where}} toward "{{host}}", a service of the mesh: its clients send plaintext, with no mTLS identity.',
      disabledExternal: '{{rule}} turns TLS off {{where}} toward "{{host}}", outside the mesh: the traffic leaves in plaintext.',
      simpleInMesh:
        '{{rule}} uses one-way TLS (SIMPLE) {{where}} toward "{{host}}", a service of the mesh: the client presents no Istio certificate, so the server cannot authenticate it; ISTIO_MUTUAL is what the mesh expects.',
    },
  },
  lookupKinds: ["Service"],
  appliesTo: { kinds: ["DestinationRule"] },
  *check(object) {
    if (!isDestinationRule(object)) return;
    const spec = specOf(object);
    const host = spec.host;
    if (typeof host !== "string") return;
    const rule = describeObject(object);
    for (const { mode, path, where } of destinationTls(spec)) {
      if (mode !== "DISABLE" && mode !== "SIMPLE") continue;
      yield {
        path,
        settle: (others: ObjectIndex) => {
          const meshHost = inMesh(host, others);
          if (mode === "SIMPLE") return meshHost ? { messageId: "simpleInMesh", data: { rule, where, host }, lowerTo: "medium" } : undefined;
          return meshHost ? { messageId: "disabled", data: { rule, where, host } } : { messageId: "disabledExternal", data: { rule, where, host }, lowerTo: "low" };
        },
      };
    }
  },
});
