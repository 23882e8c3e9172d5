import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "disable-admission-plugins",
  requirement: { kind: "listExcludes", item: "NamespaceLifecycle", unset: "passes" },
  expected: "a list without NamespaceLifecycle",
  meta: {
    id: "apiserver-namespace-lifecycle-disabled",
    title: "The API server disables the NamespaceLifecycle admission plugin",
    severity: "medium",
    rationale:
      "The NamespaceLifecycle admission plugin, on by default, rejects objects in a namespace that does not exist or is being deleted, and protects default, kube-system and kube-public from deletion. Without it, objects can be created in a terminating namespace and outlive its clean-up.",
    remediation:
      "Remove NamespaceLifecycle from `--disable-admission-plugins`.",
    frameworks: [{ framework: "CIS", control: "1.2.13" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_83"], trivy: ["KCV0015"] },
  },
});
