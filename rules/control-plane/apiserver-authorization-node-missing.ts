import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "authorization-mode",
  requirement: { kind: "listIncludes", item: "Node" },
  expected: "a list that includes Node",
  skipWith: "authorization-config",
  meta: {
    id: "apiserver-authorization-node-missing",
    title: "The API server does not limit kubelets with the Node authorizer",
    severity: "high",
    rationale:
      "The Node authorizer limits each kubelet to the Secrets, ConfigMaps, volumes and pods of the pods bound to its own node. Without it in `--authorization-mode`, kubelets are authorized by RBAC alone, where the `system:nodes` group gets far wider read access, and one compromised node reads every Secret its role allows. A `--authorization-config` file replaces the flag; the rule does not read that file and passes over an API server that sets it.",
    remediation:
      "Add Node to `--authorization-mode`, before RBAC: `--authorization-mode=Node,RBAC`, together with the NodeRestriction admission plugin.",
    frameworks: [
      { framework: "CIS", control: "1.2.7" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "PCI-DSS", control: "7.3" },
      { framework: "NSA-CISA", control: "authn-authz/rbac" },
    ],
    equivalents: { checkov: ["CKV_K8S_75"], trivy: ["KCV0008"] },
  },
});
