import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "enable-admission-plugins",
  requirement: { kind: "listIncludes", item: "AlwaysPullImages" },
  expected: "a list that includes AlwaysPullImages",
  meta: {
    id: "apiserver-always-pull-images-missing",
    title: "The API server does not force image pulls",
    severity: "low",
    enabledByDefault: false,
    rationale:
      "Without the AlwaysPullImages admission plugin, a pod can run a private image already cached on its node without the registry credentials to pull it, as long as its pull policy is not Always. The plugin sets every container's pull policy to Always, so the credentials are checked on each start. The benchmark marks this check manual (it makes starts depend on the registry), so the rule is off by default.",
    remediation:
      "Add AlwaysPullImages to `--enable-admission-plugins`, or, from Kubernetes 1.33, use the kubelet's `imagePullCredentialsVerificationPolicy`.",
    frameworks: [{ framework: "CIS", control: "1.2.11" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: { checkov: ["CKV_K8S_80"], trivy: ["KCV0012"] },
  },
});
