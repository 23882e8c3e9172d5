import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "client-ca-file",
  requirement: { kind: "set" },
  expected: "the CA that signs client certificates",
  suggested: "/etc/kubernetes/pki/ca.crt",
  meta: {
    id: "apiserver-client-ca-file-missing",
    title: "The API server does not accept client certificates",
    severity: "high",
    rationale:
      "Without `--client-ca-file` kube-apiserver does not verify client certificates, so the controller manager, scheduler, kubelets and administrators that authenticate with certificates cannot, and clusters fall back to static tokens.",
    remediation:
      "Set `--client-ca-file` to the CA that signs the components' and users' client certificates (kubeadm: ca.crt).",
    frameworks: [
      { framework: "CIS", control: "1.2.25" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.3" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: { trivy: ["KCV0028"] },
  },
});
