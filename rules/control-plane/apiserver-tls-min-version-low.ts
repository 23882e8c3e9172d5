import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "tls-min-version",
  requirement: { kind: "oneOf", values: ["VersionTLS12", "VersionTLS13"], unset: "passes" },
  expected: "VersionTLS12 or VersionTLS13",
  violating: "VersionTLS10",
  meta: {
    id: "apiserver-tls-min-version-low",
    title: "The API server accepts TLS 1.0 or 1.1",
    severity: "medium",
    rationale:
      "`--tls-min-version` set to VersionTLS10 or VersionTLS11 lets clients negotiate TLS versions with known weaknesses (BEAST, no AEAD suites) that every current client can do without. Absent, Go's default minimum for servers (TLS 1.2) applies.",
    remediation:
      "Remove `--tls-min-version` or set it to VersionTLS12 or VersionTLS13.",
    frameworks: [
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "4.2" },
    ],
    equivalents: {},
  },
});
