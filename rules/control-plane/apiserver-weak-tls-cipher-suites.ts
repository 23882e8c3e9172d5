import { componentFlagRule } from "../templates/component-flag.js";

/** The benchmark's list of strong suites (CIS Kubernetes Benchmark v1.10, 1.2.29). */
const STRONG_CIPHER_SUITES = [
  "TLS_AES_128_GCM_SHA256",
  "TLS_AES_256_GCM_SHA384",
  "TLS_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
  "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
  "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305",
  "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
];

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "tls-cipher-suites",
  requirement: { kind: "listWithin", allowed: STRONG_CIPHER_SUITES },
  expected: "a list of the benchmark's strong cipher suites only",
  violating: "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
  meta: {
    id: "apiserver-weak-tls-cipher-suites",
    title: "The API server offers weak TLS cipher suites",
    severity: "medium",
    rationale:
      "`--tls-cipher-suites` replaces Go's default list (which has only strong suites) with the one given. Suites outside the benchmark's list lack forward secrecy (TLS_RSA_*) or use RC4, 3DES or CBC with SHA-256, which Go itself marks insecure; a client that offers them can be downgraded to them. A repeated flag adds to the list, as Kubernetes' string slices do.",
    remediation:
      "Remove `--tls-cipher-suites` to use Go's defaults, or list only suites from the benchmark's list (ECDHE with AES-GCM or ChaCha20-Poly1305, and the TLS 1.3 suites).",
    frameworks: [
      { framework: "CIS", control: "1.2.29" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "4.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_105"] },
  },
});
