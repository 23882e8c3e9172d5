import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "request-timeout",
  requirement: { kind: "positiveDuration" },
  expected: "a positive duration such as 60s",
  suggested: "60s",
  violating: "0",
  meta: {
    id: "apiserver-request-timeout-invalid",
    title: "The API server's request timeout is not a positive duration",
    severity: "low",
    rationale:
      "`--request-timeout` is how long kube-apiserver keeps a non-long-running request open before timing it out; the default, 60s, suits most clusters, and the benchmark asks only that it be set as appropriate. The rule reports values that are not a positive Go duration: a malformed one (`60`, `1 min`) stops the API server from starting, and zero or a negative one leaves no working timeout, so slow requests hold connections and memory.",
    remediation:
      "Remove `--request-timeout` to keep the 60s default, or set a positive duration such as `--request-timeout=300s`.",
    frameworks: [{ framework: "CIS", control: "1.2.20" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_95"] },
  },
});
