import { defineRule, isRecord, type Path } from "../../src/engine/api.js";
import { examinesKubelet, KUBELET_EXTRA_ARGS_NOTE, KUBELET_OBJECTS, kubeletSources, type KubeletSetting, type KubeletSource } from "./kubelet-settings.js";

const SERVER_TLS_BOOTSTRAP: KubeletSetting = { field: ["serverTLSBootstrap"], flag: "rotate-server-certificates", type: "boolean" };
const TLS_CERT_FILE: KubeletSetting = { field: ["tlsCertFile"], flag: "tls-cert-file", type: "string" };
const FEATURE_GATES: KubeletSetting = { field: ["featureGates"], flag: "feature-gates", type: "list" };
const GATE = "RotateKubeletServerCertificate";

/** Where the gate is turned off: `featureGates.RotateKubeletServerCertificate: false`, or `--feature-gates=...,RotateKubeletServerCertificate=false`. */
function gateTurnedOff(source: KubeletSource, body: Record<string, unknown>): Path | undefined {
  if (source.form === "config") {
    const gates = body.featureGates;
    return isRecord(gates) && gates[GATE] === false ? ["featureGates", GATE] : undefined;
  }
  const set = source.read(FEATURE_GATES);
  if (!set || !Array.isArray(set.value)) return undefined;
  // Go's feature-gate flag: comma-separated key=value pairs, the last pair for a key wins.
  const value = (set.value as string[]).filter((pair) => pair.split("=")[0].trim() === GATE).at(-1)?.split("=")[1]?.trim();
  return value !== undefined && ["0", "f", "F", "false", "FALSE", "False"].includes(value) ? set.path : undefined;
}

export default defineRule({
  meta: {
    id: "kubelet-server-certificate-not-rotated",
    title: "Kubelet serving certificate is self-signed or not rotated",
    severity: "low",
    category: "control-plane",
    rationale:
      "The kubelet's serving certificate is what the API server (and metrics-server) verify when they call port 10250. Unless " +
      "`serverTLSBootstrap: true` (`--rotate-server-certificates`) asks the API server for one, or `tlsCertFile` names one made elsewhere, " +
      "the kubelet generates a self-signed certificate: the API server cannot verify it (`--kubelet-certificate-authority` would reject it), " +
      "so callers skip verification, and it is never rotated. The CIS Benchmark asks for `tlsCertFile` and `tlsPrivateKeyFile` (4.2.9) and for rotation (4.2.11); the KubeletConfiguration reference says a bootstrapped certificate replaces the self-signed one, so either passes (kubelet-tls-key-pair-incomplete reports a certificate without its key). `serverTLSBootstrap` is false by default in a KubeletConfiguration and under " +
      "kubeadm, so leaving both out is reported. The `RotateKubeletServerCertificate` feature gate, on by default, is what renews a " +
      "bootstrapped certificate; turning it off (in `featureGates` or `--feature-gates`) is reported where it is written." + KUBELET_EXTRA_ARGS_NOTE,
    remediation:
      "Set `serverTLSBootstrap: true` and approve the kubelets' serving certificate signing requests (kubernetes.io/kubelet-serving), " +
      "or provision `tlsCertFile` and `tlsPrivateKeyFile` from your own CA; leave `RotateKubeletServerCertificate` on.",
    frameworks: [{ framework: "CIS", control: "4.2.9" }, { framework: "CIS", control: "4.2.11" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_150"], trivy: ["KCV0091"] },
    messages: {
      gateOff: "{{where}} turns the RotateKubeletServerCertificate feature gate off, so the kubelet's serving certificate is never renewed; remove it.",
      selfSigned:
        "{{where}} sets neither {{bootstrap}} nor {{certFile}}, so the kubelet serves a self-signed certificate that the API server cannot verify and that is never rotated; add {{fix}}.",
    },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nrotateCertificates: true",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nrotateCertificates: true\nserverTLSBootstrap: true",
    },
  },
  examines: examinesKubelet,
  appliesTo: KUBELET_OBJECTS,
  *check(object) {
    for (const source of kubeletSources(object)) {
      const off = gateTurnedOff(source, object.body);
      if (off) yield { path: off, messageId: "gateOff", data: { where: source.where } };
      const bootstrap = source.read(SERVER_TLS_BOOTSTRAP);
      if (bootstrap?.value === true || source.read(TLS_CERT_FILE)) continue;
      const path = bootstrap?.path ?? source.missingPath(SERVER_TLS_BOOTSTRAP);
      if (!path) continue;
      yield {
        path,
        messageId: "selfSigned",
        data: { where: source.where, bootstrap: source.name(SERVER_TLS_BOOTSTRAP), certFile: source.name(TLS_CERT_FILE), fix: source.written(SERVER_TLS_BOOTSTRAP, "true") },
      };
    }
  },
});
