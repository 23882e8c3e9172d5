import { defineRule } from "../../src/engine/api.js";
import { examinesKubelet, KUBELET_EXTRA_ARGS_NOTE, KUBELET_OBJECTS, kubeletSources, type KubeletSetting } from "./kubelet-settings.js";

const CERT_FILE: KubeletSetting = { field: ["tlsCertFile"], flag: "tls-cert-file", type: "string" };
const KEY_FILE: KubeletSetting = { field: ["tlsPrivateKeyFile"], flag: "tls-private-key-file", type: "string" };

export default defineRule({
  meta: {
    id: "kubelet-tls-key-pair-incomplete",
    title: "Kubelet names a serving certificate without its key, or a key without its certificate",
    severity: "low",
    category: "control-plane",
    rationale:
      "`tlsCertFile` and `tlsPrivateKeyFile` (`--tls-cert-file`, `--tls-private-key-file`) are the kubelet's serving certificate and " +
      "its key, which the CIS Benchmark (4.2.9) asks to be set. The KubeletConfiguration reference says that when both are left out the " +
      "kubelet generates a self-signed pair, and that `serverTLSBootstrap` requests a certificate from the certificates.k8s.io API " +
      "instead of self-signing: leaving both out without bootstrapping is what kubelet-server-certificate-not-rotated reports, so this " +
      "rule does not report it again. What is left is a half pair: the kubelet loads the two files as one key pair, so with one of them " +
      "empty it cannot serve its API and exits. Each source (a KubeletConfiguration, a command line, kubeadm's kubeletExtraArgs) is read on its own; a command " +
      "line with `--config`, and kubeadm's kubeletExtraArgs, take a flag they leave out from the config file, so there only a flag written empty is reported." + KUBELET_EXTRA_ARGS_NOTE,
    remediation:
      "Set both `tlsCertFile` and `tlsPrivateKeyFile` to a certificate and key issued by a CA the API server trusts " +
      "(`--kubelet-certificate-authority`), or remove both and set `serverTLSBootstrap: true`.",
    frameworks: [
      { framework: "CIS", control: "4.2.9" },
      { framework: "NSA-CISA", control: "network/encryption" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "4.2" },
    ],
    equivalents: { checkov: ["CKV_K8S_148"], trivy: ["KCV0088", "KCV0089"] },
    messages: {
      halfPair: "{{where}} sets {{present}} but not {{absent}}: the kubelet cannot load its serving key pair and exits; set {{absent}} too, or remove both and use serverTLSBootstrap.",
    },
    example: {
      bad: "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCertFile: /var/lib/kubelet/pki/kubelet.crt",
      good:
        "apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\ntlsCertFile: /var/lib/kubelet/pki/kubelet.crt\n" +
        "tlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key",
    },
  },
  examines: examinesKubelet,
  appliesTo: KUBELET_OBJECTS,
  *check(object) {
    for (const source of kubeletSources(object)) {
      const cert = source.read(CERT_FILE);
      const key = source.read(KEY_FILE);
      const certSet = cert !== undefined && cert.value !== "";
      const keySet = key !== undefined && key.value !== "";
      if (certSet === keySet) continue;
      const [present, presentSetting, absentSetting, absent] = certSet ? [cert, CERT_FILE, KEY_FILE, key] : [key, KEY_FILE, CERT_FILE, cert];
      // A flag left out takes the --config file's value (kubeadm's, for kubeletExtraArgs), which this source does not show.
      if (absent === undefined && source.missingPath(absentSetting) === undefined) continue;
      yield { path: present?.path ?? [], messageId: "halfPair", data: { where: source.where, present: source.name(presentSetting), absent: source.name(absentSetting) } };
    }
  },
});
