import { arrayOf, defineRule, isEmptySelector, isRecord, recordOf, stringsOf, type JsonObject } from "../../src/engine/api.js";
import { appliesTo, describeSelector, DIRECTIONS, PEERS_FIELD, peersOf, policyOf, RULES_FIELD, rulesOf, type Direction } from "./network-policies.js";

/** CIDRs that hold every IPv4 or every IPv6 address. */
const EVERY_ADDRESS = new Set(["0.0.0.0/0", "::/0"]);

const TOWARD: Record<Direction, { traffic: string; fromTo: string }> = {
  Ingress: { traffic: "ingress", fromTo: "from" },
  Egress: { traffic: "egress", fromTo: "to" },
};

/** A port item as written: `443`, `metrics`, a range `32000-32768`, or `all` (a protocol with no port, or one unreadable). */
function portOf(item: unknown): string {
  const { port, endPort } = recordOf(item);
  if (typeof port !== "string" && typeof port !== "number") return "all";
  return typeof endPort === "number" ? `${port}-${endPort}` : String(port);
}

/** " on ports 443, 8443", or "" when the rule allows every port. */
function portsPhrase(rule: JsonObject): string {
  const ports = arrayOf(rule.ports).map(portOf);
  if (ports.length === 0) return "";
  return ` on port${ports.length === 1 ? "" : "s"} ${ports.join(", ")}`;
}

export default defineRule({
  meta: {
    id: "network-policy-allows-all",
    title: "NetworkPolicy rule allows all traffic",
    severity: "medium",
    category: "network",
    rationale:
      "A NetworkPolicy rule allows the traffic that matches any of its peers on any of its ports; a rule with neither (`- {}`, or empty " +
      "`from`/`to` and `ports` lists) matches all traffic, so the pods the policy selects are open in that direction as if no policy " +
      "selected them. An `ipBlock` of `0.0.0.0/0` or `::/0` without `except` is every address, and a `namespaceSelector: {}` selects " +
      "every namespace, so with a `podSelector` beside it any namespace can run a pod with those labels and be let in (labels are not " +
      "identity). Each is reported at the rule item or peer field a person narrows. Rules of a direction the policy does not apply to " +
      "(not in its `policyTypes`) have no effect and are not reported.",
    remediation:
      "Name the peers the pods need: a `podSelector` for pods of the namespace, a `namespaceSelector` on `kubernetes.io/metadata.name` " +
      "(with a `podSelector`) for other namespaces, or an `ipBlock` for the external ranges, with `except` for the cluster's and the cloud " +
      "metadata ranges; list the ports. Remove an allow-all rule if a default deny was meant.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/network-policies" },
      { framework: "PCI-DSS", control: "1.2" },
      { framework: "MITRE-ATT&CK", control: "T1210" },
    ],
    equivalents: {},
    messages: {
      emptyRule:
        'NetworkPolicy "{{policy}}" {{item}} is empty, so it allows all {{traffic}} traffic of the pods it selects, {{fromTo}} any pod and any address.',
      everyAddress: 'NetworkPolicy "{{policy}}" {{item}} allows {{traffic}} {{fromTo}} every address ({{cidr}} without except){{ports}}.',
      everyNamespace: 'NetworkPolicy "{{policy}}" {{item}} allows {{traffic}} {{fromTo}} {{pods}} in every namespace (namespaceSelector: {}){{ports}}.',
    },
    example: {
      bad: "kind: NetworkPolicy\nspec:\n  podSelector: {}\n  ingress:\n    - {}",
      good: "kind: NetworkPolicy\nspec:\n  podSelector: {}\n  ingress:\n    - from:\n        - podSelector: {matchLabels: {app: frontend}}\n      ports:\n        - port: 8080",
    },
  },
  appliesTo: { kinds: ["NetworkPolicy"] },
  *check(object) {
    const policy = policyOf(object);
    if (!policy) return;
    for (const direction of DIRECTIONS) {
      if (!appliesTo(policy, direction)) continue;
      const { traffic, fromTo } = TOWARD[direction];
      const rules = rulesOf(policy, direction);
      for (let index = 0; index < rules.length; index++) {
        const rule = rules[index];
        if (!isRecord(rule) || arrayOf(rule[PEERS_FIELD[direction]]).length > 0 || arrayOf(rule.ports).length > 0) continue;
        yield { path: ["spec", RULES_FIELD[direction], index], messageId: "emptyRule", data: { policy: object.name, item: `${RULES_FIELD[direction]}[${index}]`, traffic, fromTo } };
      }
      for (const { peer, path, rule } of peersOf(policy, direction)) {
        const item = `${RULES_FIELD[direction]}[${rule}].${PEERS_FIELD[direction]}[${String(path[4])}]`;
        const ports = portsPhrase(recordOf(rules[rule]));
        const ipBlock = recordOf(peer.ipBlock);
        if (typeof ipBlock.cidr === "string" && EVERY_ADDRESS.has(ipBlock.cidr) && stringsOf(ipBlock.except).length === 0) {
          yield { path: [...path, "ipBlock", "cidr"], messageId: "everyAddress", data: { policy: object.name, item, traffic, fromTo, cidr: ipBlock.cidr, ports } };
        }
        if (isRecord(peer.namespaceSelector) && isEmptySelector(peer.namespaceSelector)) {
          const podSelector = recordOf(peer.podSelector);
          const pods = isEmptySelector(podSelector) ? "every pod" : `pods labelled ${describeSelector(podSelector)}`;
          yield { path: [...path, "namespaceSelector"], messageId: "everyNamespace", data: { policy: object.name, item, traffic, fromTo, pods, ports } };
        }
      }
    }
  },
});
