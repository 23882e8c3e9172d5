import rule from "../../../rules/control-plane/kubelet-tls-key-pair-incomplete.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const CERT = "/pki/kubelet.crt";
const KEY = "/pki/kubelet.key";
const config = { where: "KubeletConfiguration", present: "tlsCertFile", absent: "tlsPrivateKeyFile" };

testRule(rule, {
  valid: [
    { name: "both files", yaml: kubeletConfig(`tlsCertFile: ${CERT}\ntlsPrivateKeyFile: ${KEY}\n`) },
    { name: "neither (a self-signed certificate, left to kubelet-server-certificate-not-rotated), or bootstrapped", yaml: `${kubeletConfig()}---\n${kubeletConfig("serverTLSBootstrap: true\n")}` },
    {
      name: "both flags, or one with --config, whose file may name the other",
      yaml: `${kubeletPod("kubelet", `--tls-cert-file=${CERT}`, `--tls-private-key-file=${KEY}`)}---\n${kubeletPod("kubelet", "--config=/etc/kubelet.yaml", `--tls-cert-file=${CERT}`)}`,
    },
    { name: "kubeadm kubeletExtraArgs with one flag: kubeadm's config file may name the other", yaml: kubeletExtraArgs("v1beta3", [["tls-cert-file", CERT]]) },
  ],
  invalid: [
    {
      name: "a certificate without its key in a KubeletConfiguration, and a key with an empty certificate",
      yaml: `${kubeletConfig(`tlsCertFile: ${CERT}\n`)}---\n${kubeletConfig(`tlsCertFile: ""\ntlsPrivateKeyFile: ${KEY}\n`)}`,
      errors: [
        {
          messageId: "halfPair",
          data: config,
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 30,
          message: "KubeletConfiguration sets tlsCertFile but not tlsPrivateKeyFile: the kubelet cannot load its serving key pair and exits",
        },
        { messageId: "halfPair", data: { ...config, present: "tlsPrivateKeyFile", absent: "tlsCertFile" }, line: 8, column: 1, endLine: 8, endColumn: 36 },
      ],
    },
    {
      name: "a key flag alone on a command line without --config, and a flag written empty beside --config",
      yaml: `${kubeletPod("kubelet", `--tls-private-key-file=${KEY}`)}---\n${kubeletPod("kubelet", "--config=/etc/kubelet.yaml", `--tls-cert-file=${CERT}`, "--tls-private-key-file=")}`,
      errors: [
        { messageId: "halfPair", data: { where: 'container "kubelet"', present: "--tls-private-key-file", absent: "--tls-cert-file" }, line: 12, column: 15, endLine: 12, endColumn: 54 },
        { messageId: "halfPair", data: { where: 'container "kubelet"', present: "--tls-cert-file", absent: "--tls-private-key-file" }, line: 26, column: 15, endLine: 26, endColumn: 47 },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs with the key flag written empty: the certificate's key",
      yaml: kubeletExtraArgs("v1beta3", [["tls-cert-file", CERT], ["tls-private-key-file", ""]]),
      errors: [
        { messageId: "halfPair", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", present: "tls-cert-file", absent: "tls-private-key-file" }, line: 5, column: 5, endLine: 5, endColumn: 38 },
      ],
    },
  ],
});
