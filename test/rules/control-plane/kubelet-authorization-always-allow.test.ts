import rule from "../../../rules/control-plane/kubelet-authorization-always-allow.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const flag = { where: 'container "kubelet"', setting: "--authorization-mode" };

testRule(rule, {
  valid: [
    { name: "Webhook in a KubeletConfiguration", yaml: kubeletConfig("authorization:\n  mode: Webhook\n") },
    { name: "a KubeletConfiguration that leaves it out takes the v1beta1 default, Webhook", yaml: kubeletConfig("authorization: {}\n") },
    { name: "Webhook on the command line", yaml: kubeletPod("kubelet", "--authorization-mode=Webhook") },
    { name: "a command line with --config leaves it to the file", yaml: kubeletPod("kubelet", "--config=/var/lib/kubelet/config.yaml") },
    {
      name: "kubeadm kubeletExtraArgs set to Webhook (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["authorization-mode", "Webhook"]])}---\n${kubeletExtraArgs("v1beta4", [["authorization-mode", "Webhook"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "AlwaysAllow in a KubeletConfiguration",
      yaml: kubeletConfig("authorization:\n  mode: AlwaysAllow\n"),
      errors: [{ messageId: "wrongValue", data: { where: "KubeletConfiguration", setting: "authorization.mode", value: "AlwaysAllow" }, line: 4, column: 3, endLine: 4, endColumn: 20 }],
    },
    {
      name: "AlwaysAllow as `--flag value`: the flag's item",
      yaml: kubeletPod("kubelet", "--authorization-mode", "AlwaysAllow"),
      errors: [{ messageId: "wrongValue", data: { ...flag, value: "AlwaysAllow" }, line: 12, column: 15, endLine: 12, endColumn: 35 }],
    },
    {
      name: "a command line without --config keeps the legacy default, AlwaysAllow",
      yaml: kubeletPod("kubelet"),
      errors: [
        {
          messageId: "missing",
          data: { ...flag, value: "AlwaysAllow", fix: "--authorization-mode=Webhook" },
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 19,
          message: "add --authorization-mode=Webhook.",
        },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["authorization-mode", "AlwaysAllow"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "authorization-mode", value: "AlwaysAllow" }, line: 5, column: 5, endLine: 5, endColumn: 38 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["authorization-mode", "AlwaysAllow"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "authorization-mode", value: "AlwaysAllow" }, line: 8, column: 7, endLine: 8, endColumn: 27 }],
    },
  ],
});
