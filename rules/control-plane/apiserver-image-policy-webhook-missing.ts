import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-apiserver",
  flag: "enable-admission-plugins",
  requirement: { kind: "listIncludes", item: "ImagePolicyWebhook" },
  expected: "a list that includes ImagePolicyWebhook",
  meta: {
    id: "apiserver-image-policy-webhook-missing",
    title: "The API server does not ask an image policy webhook",
    severity: "low",
    enabledByDefault: false,
    rationale:
      "The ImagePolicyWebhook admission plugin sends the images of every new pod to a webhook (named in the `--admission-control-config-file` " +
      "configuration) that allows or denies them, so only images from trusted registries, or signed ones, run; the CIS Benchmark (5.5.1) " +
      "asks for it, as a manual check. It is one of several image provenance mechanisms: an admission webhook or policy engine (Sigstore " +
      "policy-controller, Kyverno `verifyImages`, Gatekeeper with Ratify, Connaisseur) or a ValidatingAdmissionPolicy does the same " +
      "without the plugin, and this rule cannot see them. It only checks that the plugin is in `--enable-admission-plugins`, not what " +
      "the webhook decides. So it is off by default: turn it on where ImagePolicyWebhook is the chosen mechanism.",
    remediation:
      "Add ImagePolicyWebhook to `--enable-admission-plugins` and pass `--admission-control-config-file` with an ImagePolicyWebhook " +
      "configuration whose kubeconfig names the webhook (and `defaultAllow: false`), or enforce image provenance with another admission " +
      "controller and leave this rule off.",
    frameworks: [
      { framework: "CIS", control: "5.5.1" },
      { framework: "NSA-CISA", control: "pod-security/secure-images" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "MITRE-ATT&CK", control: "T1204.003" },
      { framework: "MITRE-ATT&CK", control: "T1525" },
    ],
    equivalents: {},
  },
});
