import { componentFlagRule } from "../templates/component-flag.js";

export default componentFlagRule({
  component: "kube-controller-manager",
  flag: "bind-address",
  requirement: { kind: "oneOf", values: ["127.0.0.1", "::1"], unset: "fails" },
  expected: "127.0.0.1",
  violating: "0.0.0.0",
  meta: {
    id: "controller-manager-bind-address-exposed",
    title: "The controller manager serves on every address",
    severity: "medium",
    rationale:
      "`--bind-address` defaults to 0.0.0.0: the controller manager's secure port (10257), with its health, metrics and (unless `--profiling=false`) pprof endpoints, listens on every interface of the node instead of loopback only. kubeadm binds it to 127.0.0.1.",
    remediation:
      "Set `--bind-address=127.0.0.1`, and scrape metrics through a local proxy if you need them.",
    frameworks: [
      { framework: "CIS", control: "1.3.7" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "network/control-plane-hardening" },
    ],
    equivalents: { checkov: ["CKV_K8S_113"], trivy: ["KCV0039"] },
  },
});
