import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "encryption-provider-config",
  requirement: { kind: "set" },
  expected: "an EncryptionConfiguration file",
  suggested: "/etc/kubernetes/encryption-config.yaml",
  meta: {
    id: "apiserver-encryption-provider-config-missing",
    title: "The API server stores Secrets unencrypted in etcd",
    severity: "medium",
    rationale:
      "Without `--encryption-provider-config` kube-apiserver writes Secrets to etcd as plain base64, so anyone who reads etcd's data directory, a snapshot or a backup reads every Secret. kubeadm does not set it.",
    remediation:
      "Write an EncryptionConfiguration that encrypts `secrets` with kms v2, secretbox or aesgcm before identity, mount it into the API server pod and set `--encryption-provider-config` to it; then rewrite existing Secrets (`kubectl get secrets -A -o json | kubectl replace -f -`).",
    frameworks: [
      { framework: "CIS", control: "1.2.27" },
      { framework: "MITRE-ATT&CK", control: "T1552.007" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "3.5" },
      { framework: "NSA-CISA", control: "network/secrets" },
    ],
    equivalents: { checkov: ["CKV_K8S_104"], trivy: ["KCV0030"] },
  },
});
