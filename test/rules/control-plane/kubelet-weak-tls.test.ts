import rule from "../../../rules/control-plane/kubelet-weak-tls.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

testRule(rule, {
  valid: [
    {
      name: "strong suites and TLS 1.2 in a KubeletConfiguration",
      yaml: kubeletConfig("tlsCipherSuites:\n  - TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\n  - TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305\ntlsMinVersion: VersionTLS12\n"),
    },
    { name: "neither set: the Go defaults are not reported", yaml: `${kubeletConfig()}---\n${kubeletPod("kubelet")}` },
    { name: "strong suites and TLS 1.3 on the command line", yaml: kubeletPod("kubelet", "--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,TLS_AES_128_GCM_SHA256", "--tls-min-version=VersionTLS13") },
    {
      name: "kubeadm kubeletExtraArgs with strong suites and TLS 1.2 (v1beta3, v1beta4)",
      yaml: `${kubeletExtraArgs("v1beta3", [["tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"], ["tls-min-version", "VersionTLS12"]])}---\n${kubeletExtraArgs("v1beta4", [["tls-min-version", "VersionTLS13"]])}`,
    },
  ],
  invalid: [
    {
      name: "weak suites in a KubeletConfiguration, each item, and TLS 1.0",
      yaml: kubeletConfig("tlsCipherSuites:\n  - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_RSA_WITH_AES_128_GCM_SHA256\n  - TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA\ntlsMinVersion: VersionTLS10\n"),
      errors: [
        {
          messageId: "weakCipher",
          data: { where: "KubeletConfiguration", suites: "TLS_RSA_WITH_AES_128_GCM_SHA256", setting: "tlsCipherSuites" },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 36,
          message: "KubeletConfiguration allows the TLS cipher suite TLS_RSA_WITH_AES_128_GCM_SHA256, which is not among the strong suites the CIS Benchmark lists",
        },
        { messageId: "weakCipher", data: { where: "KubeletConfiguration", suites: "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", setting: "tlsCipherSuites" }, line: 6, column: 5, endLine: 6, endColumn: 39 },
        { messageId: "oldVersion", data: { where: "KubeletConfiguration", setting: "tlsMinVersion", value: "VersionTLS10" }, line: 7, column: 1, endLine: 7, endColumn: 28 },
      ],
    },
    {
      name: "on the command line: one finding for the flag's weak suites; `--tls-min-version VersionTLS11`",
      yaml: kubeletPod("kubelet", "--tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA", "--tls-min-version", "VersionTLS11"),
      errors: [
        {
          messageId: "weakCipher",
          data: { where: 'container "kubelet"', suites: "TLS_RSA_WITH_RC4_128_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA", setting: "--tls-cipher-suites" },
          line: 12,
          column: 15,
          endLine: 12,
          endColumn: 127,
        },
        { messageId: "oldVersion", data: { where: 'container "kubelet"', setting: "--tls-min-version", value: "VersionTLS11" }, line: 13, column: 15, endLine: 13, endColumn: 32 },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the keys, the weak suites of the list together",
      yaml: kubeletExtraArgs("v1beta3", [["tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_SHA"], ["tls-min-version", "VersionTLS10"]]),
      errors: [
        { messageId: "weakCipher", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", suites: "TLS_RSA_WITH_RC4_128_SHA", setting: "tls-cipher-suites" }, line: 5, column: 5, endLine: 5, endColumn: 88 },
        { messageId: "oldVersion", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "tls-min-version", value: "VersionTLS10" }, line: 6, column: 5, endLine: 6, endColumn: 36 },
      ],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the values of the list items",
      yaml: kubeletExtraArgs("v1beta4", [["tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_RC4_128_SHA"], ["tls-min-version", "VersionTLS10"]]),
      errors: [
        { messageId: "weakCipher", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", suites: "TLS_RSA_WITH_RC4_128_SHA", setting: "tls-cipher-suites" }, line: 6, column: 7, endLine: 6, endColumn: 78 },
        { messageId: "oldVersion", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "tls-min-version", value: "VersionTLS10" }, line: 8, column: 7, endLine: 8, endColumn: 28 },
      ],
    },
  ],
});
