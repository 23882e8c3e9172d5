import { defineRule } from "../../src/engine/api.js";
import { examinesKubelet, KUBELET_EXTRA_ARGS_NOTE, KUBELET_OBJECTS, kubeletSources, type KubeletSetting } from "./kubelet-settings.js";

const CIPHER_SUITES: KubeletSetting = { field: ["tlsCipherSuites"], flag: "tls-cipher-suites", type: "list" };
const MIN_VERSION: KubeletSetting = { field: ["tlsMinVersion"], flag: "tls-min-version", type: "string" };

/**
 * The suites the CIS Kubernetes Benchmark v1.12 counts as strong for the kubelet (4.2.12): ECDHE key exchange
 * with AES-GCM or ChaCha20-Poly1305, plus the TLS 1.3 suites and the `_SHA256` spellings of ChaCha20 that
 * Kubernetes also accepts (Go does not let TLS 1.3 suites be turned off).
 */
const STRONG_SUITES: ReadonlySet<string> = new Set([
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
]);

const OLD_VERSIONS: ReadonlySet<string> = new Set(["VersionTLS10", "VersionTLS11"]);

export default defineRule({
  meta: {
    id: "kubelet-weak-tls",
    title: "Kubelet allows weak TLS cipher suites or versions",
    severity: "medium",
    category: "control-plane",
    rationale:
      "The kubelet API carries exec sessions, logs and the API server's credentials. `tlsCipherSuites` (`--tls-cipher-suites`) lists " +
      "the suites it accepts: the CIS Kubernetes Benchmark v1.12 (4.2.12) counts only ECDHE key exchange with AES-GCM or " +
      "ChaCha20-Poly1305 as strong, so a list with CBC-mode, RC4, 3DES or static-RSA key exchange suites is reported, each suite " +
      "where it is written (Checkov and Trivy also accept TLS_RSA_WITH_AES_*_GCM_*, which lacks forward secrecy). `tlsMinVersion` " +
      "(`--tls-min-version`) of VersionTLS10 or VersionTLS11 allows protocol versions with known weaknesses. Leaving either out uses " +
      "the Go defaults of the kubelet's build, which this rule does not report." + KUBELET_EXTRA_ARGS_NOTE,
    remediation:
      "List only strong suites, e.g. `tlsCipherSuites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, " +
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384, TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305, " +
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305]`, and set `tlsMinVersion: VersionTLS12` or higher.",
    frameworks: [{ framework: "CIS", control: "4.2.12" }, { framework: "PCI-DSS", control: "2.2" }, { framework: "PCI-DSS", control: "4.2" }],
    equivalents: { checkov: ["CKV_K8S_151"], trivy: ["KCV0092"] },
    messages: {
      weakCipher: "{{where}} allows the TLS cipher suite {{suites}}, which is not among the strong suites the CIS Benchmark lists; remove it from {{setting}}.",
      oldVersion: "{{where}} sets {{setting}} to {{value}}, allowing TLS versions before 1.2; set it to VersionTLS12 or VersionTLS13.",
    },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      good: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\ntlsMinVersion: VersionTLS12",
    },
  },
  examines: examinesKubelet,
  appliesTo: KUBELET_OBJECTS,
  *check(object) {
    for (const source of kubeletSources(object)) {
      const suites = source.read(CIPHER_SUITES);
      if (suites && Array.isArray(suites.value)) {
        const weak = (suites.value as string[]).map((suite, index) => ({ suite, index })).filter(({ suite }) => !STRONG_SUITES.has(suite));
        const setting = source.name(CIPHER_SUITES);
        // In a config each suite is its own list item; on a command line they share one flag.
        if (source.form === "config") {
          for (const { suite, index } of weak) yield { path: [...suites.path, index], messageId: "weakCipher", data: { where: source.where, suites: suite, setting } };
        } else if (weak.length > 0) {
          yield { path: suites.path, messageId: "weakCipher", data: { where: source.where, suites: weak.map(({ suite }) => suite).join(", "), setting } };
        }
      }
      const version = source.read(MIN_VERSION);
      if (version && typeof version.value === "string" && OLD_VERSIONS.has(version.value)) {
        yield { path: version.path, messageId: "oldVersion", data: { where: source.where, setting: source.name(MIN_VERSION), value: version.value } };
      }
    }
  },
});
