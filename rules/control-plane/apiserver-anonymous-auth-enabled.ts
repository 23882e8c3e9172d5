import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "anonymous-auth",
  boolean: true,
  requirement: { kind: "equals", value: "false", unset: "fails" },
  expected: "false",
  meta: {
    id: "apiserver-anonymous-auth-enabled",
    title: "The API server accepts anonymous requests",
    severity: "medium",
    rationale:
      "kube-apiserver's `--anonymous-auth` defaults to true: a request that no authenticator rejects is served as the user `system:anonymous` in the group `system:unauthenticated`, and whatever RBAC grants that group (discovery, health endpoints, or a careless binding) is open to anyone who can reach the port. kubeadm does not set the flag, so its clusters accept anonymous requests.",
    remediation:
      "Set `--anonymous-auth=false` (kubeadm: `anonymous-auth: \"false\"` under `apiServer.extraArgs`). Probes that call `/livez` or `/readyz` without credentials then fail; since Kubernetes 1.32 an `AuthenticationConfiguration` can allow anonymous access to those paths only.",
    frameworks: [
      { framework: "CIS", control: "1.2.1" },
      { framework: "MITRE-ATT&CK", control: "T1078" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "8.2" },
      { framework: "NSA-CISA", control: "authn-authz/authentication" },
    ],
    equivalents: { checkov: ["CKV_K8S_68"], trivy: ["KCV0001"] },
  },
});
