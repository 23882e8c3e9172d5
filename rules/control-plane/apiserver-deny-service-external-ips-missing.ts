import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "enable-admission-plugins",
  requirement: { kind: "listIncludes", item: "DenyServiceExternalIPs" },
  expected: "a list that includes DenyServiceExternalIPs",
  meta: {
    id: "apiserver-deny-service-external-ips-missing",
    title: "The API server lets Services set external IPs",
    severity: "medium",
    enabledByDefault: false,
    rationale:
      "A Service's `spec.externalIPs` makes every node route traffic for those addresses to the Service, so anyone who may create Services can intercept traffic for any IP (CVE-2020-8554). The DenyServiceExternalIPs admission plugin rejects new external IPs; it is not enabled by default. The benchmark marks this check manual, so the rule is off by default.",
    remediation:
      "Add DenyServiceExternalIPs to `--enable-admission-plugins` unless the cluster relies on `externalIPs`.",
    frameworks: [{ framework: "CIS", control: "1.2.3" }, { framework: "PCI-DSS", control: "2.2" }, { framework: "PCI-DSS", control: "1.4" }],
    equivalents: { trivy: ["KCV0003"] },
  },
});
