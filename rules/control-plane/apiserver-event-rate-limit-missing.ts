import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "enable-admission-plugins",
  requirement: { kind: "listIncludes", item: "EventRateLimit" },
  expected: "a list that includes EventRateLimit",
  meta: {
    id: "apiserver-event-rate-limit-missing",
    title: "The API server does not limit the rate of Events",
    severity: "low",
    enabledByDefault: false,
    rationale:
      "The EventRateLimit admission plugin caps how many Events the API server accepts per server, namespace, user or object, so a flood of Events cannot fill etcd or starve other requests. It is not enabled by default and needs `--admission-control-config-file` with its limits. The benchmark marks this check manual, so the rule is off by default.",
    remediation:
      "Add EventRateLimit to `--enable-admission-plugins` and give its limits in the file that `--admission-control-config-file` names.",
    frameworks: [{ framework: "CIS", control: "1.2.9" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { trivy: ["KCV0010"] },
  },
});
