import rule from "../../../rules/control-plane/kubelet-server-certificate-not-rotated.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const extraArgs = { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", bootstrap: "rotate-server-certificates", certFile: "tls-cert-file" };
const config = { where: "KubeletConfiguration", bootstrap: "serverTLSBootstrap", certFile: "tlsCertFile", fix: "serverTLSBootstrap: true" };

testRule(rule, {
  valid: [
    { name: "bootstrapped serving certificates", yaml: kubeletConfig("serverTLSBootstrap: true\nfeatureGates:\n  RotateKubeletServerCertificate: true\n") },
    { name: "a certificate made elsewhere", yaml: kubeletConfig("tlsCertFile: /var/lib/kubelet/pki/kubelet.crt\ntlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key\n") },
    {
      name: "on the command line, or left to the --config file",
      yaml: `${kubeletPod("kubelet", "--rotate-server-certificates", "--feature-gates=RotateKubeletServerCertificate=true")}---\n${kubeletPod("kubelet", "--tls-cert-file=/pki/kubelet.crt")}---\n${kubeletPod("kubelet", "--config=/etc/kubelet.yaml")}`,
    },
    {
      name: "kubeadm kubeletExtraArgs that turn bootstrapping on (v1beta3), or leave it to kubeadm's config file (v1beta4)",
      yaml: `${kubeletExtraArgs("v1beta3", [["rotate-server-certificates", "true"]])}---\n${kubeletExtraArgs("v1beta4", [["feature-gates", "RotateKubeletServerCertificate=true"]])}`,
    },
  ],
  invalid: [
    {
      name: "neither in a KubeletConfiguration: its kind line, or serverTLSBootstrap: false",
      yaml: `${kubeletConfig()}---\n${kubeletConfig("serverTLSBootstrap: false\n")}`,
      errors: [
        {
          messageId: "selfSigned",
          data: config,
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 27,
          message: "KubeletConfiguration sets neither serverTLSBootstrap nor tlsCertFile, so the kubelet serves a self-signed certificate",
        },
        { messageId: "selfSigned", data: config, line: 6, column: 1, endLine: 6, endColumn: 26 },
      ],
    },
    {
      name: "the feature gate turned off, in featureGates and in --feature-gates (the last pair for the gate wins)",
      yaml: `${kubeletConfig("serverTLSBootstrap: true\nfeatureGates:\n  RotateKubeletServerCertificate: false\n")}---\n${kubeletPod("kubelet", "--rotate-server-certificates=true", "--feature-gates=RotateKubeletServerCertificate=true,RotateKubeletServerCertificate=false")}`,
      errors: [
        { messageId: "gateOff", data: { where: "KubeletConfiguration" }, line: 5, column: 3, endLine: 5, endColumn: 40 },
        { messageId: "gateOff", data: { where: 'container "kubelet"' }, line: 19, column: 15, endLine: 19, endColumn: 103 },
      ],
    },
    {
      name: "neither on a command line without --config",
      yaml: kubeletPod("kubelet"),
      errors: [
        {
          messageId: "selfSigned",
          data: { where: 'container "kubelet"', bootstrap: "--rotate-server-certificates", certFile: "--tls-cert-file", fix: "--rotate-server-certificates=true" },
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 19,
        },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs that turn the gate and bootstrapping off: the keys",
      yaml: kubeletExtraArgs("v1beta3", [["feature-gates", "RotateKubeletServerCertificate=false"], ["rotate-server-certificates", "false"]]),
      errors: [
        { messageId: "gateOff", data: { where: extraArgs.where }, line: 5, column: 5, endLine: 5, endColumn: 58 },
        { messageId: "selfSigned", data: { ...extraArgs, fix: 'rotate-server-certificates: "true" under nodeRegistration.kubeletExtraArgs' }, line: 6, column: 5, endLine: 6, endColumn: 40 },
      ],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the values of the list items",
      yaml: kubeletExtraArgs("v1beta4", [["feature-gates", "RotateKubeletServerCertificate=false"], ["rotate-server-certificates", "false"]]),
      errors: [
        { messageId: "gateOff", data: { where: extraArgs.where }, line: 6, column: 7, endLine: 6, endColumn: 52 },
        { messageId: "selfSigned", data: { ...extraArgs, fix: '{name: rotate-server-certificates, value: "true"} under nodeRegistration.kubeletExtraArgs' }, line: 8, column: 7, endLine: 8, endColumn: 21 },
      ],
    },
  ],
});
