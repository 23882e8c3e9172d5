import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "disable-admission-plugins",
  requirement: { kind: "listExcludes", item: "ServiceAccount", unset: "passes" },
  expected: "a list without ServiceAccount",
  meta: {
    id: "apiserver-service-account-plugin-disabled",
    title: "The API server disables the ServiceAccount admission plugin",
    severity: "medium",
    rationale:
      "The ServiceAccount admission plugin, on by default, gives each pod its namespace's default ServiceAccount when it names none, rejects pods that name a ServiceAccount that does not exist, and mounts the projected token. `--disable-admission-plugins=ServiceAccount` turns those checks off.",
    remediation:
      "Remove ServiceAccount from `--disable-admission-plugins`.",
    frameworks: [{ framework: "CIS", control: "1.2.12" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_82"], trivy: ["KCV0014"] },
  },
});
