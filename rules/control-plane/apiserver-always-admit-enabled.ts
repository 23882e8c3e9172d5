import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "enable-admission-plugins",
  requirement: { kind: "listExcludes", item: "AlwaysAdmit", unset: "passes" },
  expected: "a list without AlwaysAdmit",
  meta: {
    id: "apiserver-always-admit-enabled",
    title: "The API server enables the AlwaysAdmit admission plugin",
    severity: "high",
    rationale:
      "The AlwaysAdmit admission plugin admits every request by itself; it was deprecated because it does nothing a missing plugin would not, and enabling it signals that admission control is meant to be off.",
    remediation:
      "Remove AlwaysAdmit from `--enable-admission-plugins`.",
    frameworks: [{ framework: "CIS", control: "1.2.10" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_79"], trivy: ["KCV0011"] },
  },
});
