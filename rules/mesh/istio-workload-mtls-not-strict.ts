import { defineRule, lookupNamespace, POD_SPEC_OBJECTS, podLabels, podSpecOf, type ObjectIndex, type RelatedPlace } from "../../src/engine/api.js";
import { describeObject, IN_TRANSIT_FRAMEWORKS, ROOT_NAMESPACE_OPTION } from "./istio.js";
import { describeDecision, effectiveMode, peerIndex, type Decision } from "./peer-authentication.js";
import { injectionOptOut, isGatewayPod } from "./injection.js";

const related = (decisions: readonly Decision[]): RelatedPlace[] =>
  decisions.map((decision) => ({ object: decision.policy.object, path: decision.path, message: `${describeDecision(decision)}.` }));

export default defineRule({
  meta: {
    id: "istio-workload-mtls-not-strict",
    title: "Workload accepts plaintext in the mesh",
    severity: "medium",
    category: "mesh",
    rationale:
      "What a workload's sidecar accepts is decided by several PeerAuthentications at once. Istio composes them in " +
      "pilot/pkg/security/authn/policy_applier.go (ComposePeerAuthentication): it starts from PERMISSIVE, then the mesh-wide policy " +
      "(root namespace, no selector), the namespace-wide policy and the workload policy (a selector matching the pod's labels) each " +
      "override the mode unless theirs is UNSET (\"Inherit from parent, if has one. Otherwise treated as PERMISSIVE\", " +
      "peer_authentication.proto), and a port of the workload policy's `portLevelMtls` overrides the workload's mode, an UNSET port " +
      "inheriting it. So port > workload > namespace > mesh, and with no policy at all the workload is PERMISSIVE. This rule works that " +
      "out for every linted workload once the scope holds PeerAuthentications, and reports those that do not end up STRICT: they accept " +
      "plaintext from clients outside the mesh. Where several policies of one level match, Istio takes the oldest; the linter takes the " +
      "first linted. Pods that are not in the sidecar mesh are left out: `hostNetwork` pods (never injected), pods that opt out of " +
      "injection (reported by istio-sidecar-injection-disabled) and gateway pods (`inject.istio.io/templates: gateway`), whose listeners " +
      "the Gateway resource configures.",
    remediation:
      "Make the mesh-wide policy STRICT, and remove the namespace, workload or port policies that relax it; where a port must accept " +
      "plaintext, keep a port-level exception and say why in a comment.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    scope:
      "Each workload (its pod template's labels and namespace) is matched against the PeerAuthentications linted together with it: one " +
      "chart rendering, one Kustomize build, or all plain manifests of a run. A scope without any PeerAuthentication is not judged. " +
      "Policies are indexed by namespace once per scope, so the rule is linear in the objects. A chart's objects in the release namespace " +
      "match each other; the root namespace is the `meshRootNamespace` option. The message names the policy that decided the mode, and " +
      "every policy that set it along the way is a related location. When no policy applies at all (Istio's default), the finding is lowered " +
      "to low, as the mesh-wide policy may be applied from elsewhere, and reported once per namespace, at the first such workload.",
    example: {
      bad: "kind: PeerAuthentication\nmetadata: {name: default, namespace: shop}\nspec: {mtls: {mode: PERMISSIVE}}\n---\nkind: Deployment\nmetadata: {name: web, namespace: shop}",
      good: "kind: PeerAuthentication\nmetadata: {name: default, namespace: istio-system}\nspec: {mtls: {mode: STRICT}}\n---\nkind: Deployment\nmetadata: {name: web, namespace: shop}",
    },
    messages: {
      notStrict: "{{workload}} accepts plaintext connections: its effective mTLS mode is {{mode}}; {{why}}.",
      portsNotStrict: "{{workload}} is STRICT but accepts plaintext on {{ports}}; {{why}}.",
    },
  },
  lookupKinds: ["PeerAuthentication"],
  appliesTo: POD_SPEC_OBJECTS,
  *check(object, { options }) {
    const pod = podSpecOf(object);
    if (!pod || pod.spec.hostNetwork === true || injectionOptOut(pod) || isGatewayPod(pod)) return;
    const workload = describeObject(object);
    const namespace = lookupNamespace(object);
    const labels = { ...podLabels(pod) };
    const root = options.meshRootNamespace;
    yield {
      path: pod.metadataPath,
      settle: (others: ObjectIndex) => {
        const peers = peerIndex(others, root);
        if (peers.count === 0) return undefined;
        const effective = effectiveMode(peers, namespace, labels);
        if (effective.mode !== "STRICT") {
          const decider = effective.decidedBy.at(-1);
          if (!decider) {
            const why = "no PeerAuthentication among the linted objects applies to it, and Istio's default is PERMISSIVE (reported for the first such workload of its namespace)";
            return { messageId: "notStrict", data: { workload, mode: effective.mode, why }, related: [], lowerTo: "low", oncePerScope: `default\u0000${namespace ?? ""}` };
          }
          return { messageId: "notStrict", data: { workload, mode: effective.mode, why: describeDecision(decider) }, related: related(effective.decidedBy) };
        }
        const loose = effective.ports.filter((port) => port.decidedBy.mode !== "STRICT");
        if (loose.length === 0) return undefined;
        const decisions = loose.map((port) => port.decidedBy);
        const ports = loose.map(({ port }) => `port ${port}`).join(", ");
        return { messageId: "portsNotStrict", data: { workload, ports, why: decisions.map(describeDecision).join("; ") }, related: related(decisions) };
      },
    };
  },
});
