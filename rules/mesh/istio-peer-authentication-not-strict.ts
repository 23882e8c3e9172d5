import { defineRule } from "../../src/engine/api.js";
import { describeObject, describeSelector, IN_TRANSIT_FRAMEWORKS, namespacePhrase, ROOT_NAMESPACE_OPTION } from "./istio.js";
import { peerPolicyOf, type MtlsMode } from "./peer-authentication.js";

const EFFECT: Partial<Record<MtlsMode, string>> = {
  PERMISSIVE: "they accept plaintext as well as mTLS, so a client outside the mesh reaches them unauthenticated and unencrypted",
  DISABLE: "connections to them are not mTLS tunnels but plaintext, with no peer identity for authorization policies to check",
};

export default defineRule({
  meta: {
    id: "istio-peer-authentication-not-strict",
    title: "PeerAuthentication lets workloads accept plaintext",
    severity: "medium",
    category: "mesh",
    rationale:
      "A PeerAuthentication sets the mutual TLS mode of the connections a workload accepts. Istio's API " +
      "(security/v1beta1/peer_authentication.proto) defines `STRICT` as \"Connection is an mTLS tunnel (TLS with client cert must be presented)\", " +
      "`PERMISSIVE` as \"Connection can be either plaintext or mTLS tunnel\" and `DISABLE` as \"Connection is not tunneled\". Anything but " +
      "STRICT lets a client without a mesh identity talk to the workload in the clear, where it can be sniffed or spoofed, and leaves " +
      "authorization policies on principals or namespaces without an identity to check. The rule reports the `mode` value at each level: " +
      "mesh-wide (a policy without selector in the root namespace), namespace-wide (no selector), per workload (`selector.matchLabels`) and " +
      "per port (`portLevelMtls`, which Istio applies only to policies with a selector). A policy with a selector in the root namespace is " +
      "ignored by Istio (\"PeerAuthentication policies with workload selectors are ignored when deployed in the root namespace\", " +
      "istio.io reference), and so is it here. UNSET inherits from the parent level and is not reported; istio-workload-mtls-not-strict " +
      "reports what each workload ends up with. PERMISSIVE is Istio's default and a migration step; Istio's Security Best Practices: " +
      "\"It is recommended to migrate to strict mode when possible, to enforce that mutual TLS is used.\"",
    remediation:
      "Set `mtls.mode: STRICT` mesh-wide in the root namespace once every client has a sidecar or ztunnel, and keep PERMISSIVE or DISABLE only " +
      "for the ports that must take plaintext (health checks from outside the mesh, legacy clients), each with a comment saying why.",
    frameworks: IN_TRANSIT_FRAMEWORKS,
    equivalents: {},
    options: ROOT_NAMESPACE_OPTION,
    example: {
      bad: "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: shop}\nspec:\n  mtls:\n    mode: PERMISSIVE",
      good: "apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: default, namespace: shop}\nspec:\n  mtls:\n    mode: STRICT",
    },
    messages: {
      meshWide: '{{policy}} sets mTLS mode {{mode}} for the whole mesh (root namespace "{{root}}"): {{effect}}.',
      namespaceWide: "{{policy}} sets mTLS mode {{mode}} for every workload {{namespace}}: {{effect}}.",
      workload: "{{policy}} sets mTLS mode {{mode}} for the workloads labelled {{selector}} {{namespace}}: {{effect}}.",
      port: "{{policy}} sets mTLS mode {{mode}} on port {{port}} of the workloads labelled {{selector}} {{namespace}}: {{effect}}.",
    },
  },
  appliesTo: { kinds: ["PeerAuthentication"] },
  *check(object, { options }) {
    const policy = peerPolicyOf(object, options.meshRootNamespace);
    if (!policy) return;
    const named = describeObject(object);
    const effect = EFFECT[policy.mtls.mode];
    if (effect !== undefined) {
      const { mode, path } = policy.mtls;
      if (policy.level === "mesh") yield { path, messageId: "meshWide", data: { policy: named, mode, root: options.meshRootNamespace, effect } };
      else if (policy.level === "namespace") yield { path, messageId: "namespaceWide", data: { policy: named, mode, namespace: namespacePhrase(object), effect } };
      else yield { path, messageId: "workload", data: { policy: named, mode, selector: describeSelector(policy.selector ?? {}), namespace: namespacePhrase(object), effect } };
    }
    for (const { port, mode, path } of policy.ports) {
      const portEffect = EFFECT[mode];
      if (portEffect === undefined) continue;
      yield { path, messageId: "port", data: { policy: named, mode, port, selector: describeSelector(policy.selector ?? {}), namespace: namespacePhrase(object), effect: portEffect } };
    }
  },
});
