import rule from "../../../rules/control-plane/kubelet-streaming-timeout-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const flag = { where: 'container "kubelet"', setting: "--streaming-connection-idle-timeout" };

testRule(rule, {
  valid: [
    { name: "a zero duration in a KubeletConfiguration is defaulted to 4h", yaml: kubeletConfig("streamingConnectionIdleTimeout: 0s\n") },
    { name: "a timeout in a KubeletConfiguration", yaml: kubeletConfig("streamingConnectionIdleTimeout: 5m\n") },
    { name: "a timeout on the command line, and no flag (4h)", yaml: `${kubeletPod("kubelet", "--streaming-connection-idle-timeout=1h30m")}---\n${kubeletPod("kubelet")}` },
    {
      name: "kubeadm kubeletExtraArgs set to 5m (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["streaming-connection-idle-timeout", "5m"]])}---\n${kubeletExtraArgs("v1beta4", [["streaming-connection-idle-timeout", "5m"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "0 on the command line, as `--flag=0` and as `--flag 0h0m0s`",
      yaml: `${kubeletPod("kubelet", "--streaming-connection-idle-timeout=0")}---\n${kubeletPod("kubelet", "--streaming-connection-idle-timeout", "0h0m0s")}`,
      errors: [
        {
          messageId: "wrongValue",
          data: { ...flag, value: "0" },
          line: 12,
          column: 15,
          endLine: 12,
          endColumn: 52,
          message: 'container "kubelet" sets --streaming-connection-idle-timeout to 0: idle exec, attach and port-forward streams are never closed; set it to 5m.',
        },
        { messageId: "wrongValue", data: { ...flag, value: "0h0m0s" }, line: 25, column: 15, endLine: 25, endColumn: 50 },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["streaming-connection-idle-timeout", "0s"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "streaming-connection-idle-timeout", value: "0s" }, line: 5, column: 5, endLine: 5, endColumn: 44 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["streaming-connection-idle-timeout", "0s"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "streaming-connection-idle-timeout", value: "0s" }, line: 8, column: 7, endLine: 8, endColumn: 18 }],
    },
  ],
});
