import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "etcd-cafile",
  requirement: { kind: "set" },
  expected: "the CA that signs etcd's serving certificate",
  suggested: "/etc/kubernetes/pki/etcd/ca.crt",
  meta: {
    id: "apiserver-etcd-cafile-missing",
    title: "The API server does not verify etcd's certificate",
    severity: "high",
    rationale:
      "Without `--etcd-cafile` kube-apiserver verifies etcd's serving certificate against the system roots only, so an etcd certificate signed by a private CA fails, or any certificate a public CA issued for the address is trusted.",
    remediation:
      "Set `--etcd-cafile` to the CA of etcd's serving certificates (kubeadm: etcd/ca.crt).",
    frameworks: [
      { framework: "CIS", control: "1.2.26" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_102"], trivy: ["KCV0029"] },
  },
});
