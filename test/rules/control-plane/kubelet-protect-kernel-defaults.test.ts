import rule from "../../../rules/control-plane/kubelet-protect-kernel-defaults.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const config = { where: "KubeletConfiguration", setting: "protectKernelDefaults" };
const flag = { where: 'container "kubelet"', setting: "--protect-kernel-defaults" };

testRule(rule, {
  valid: [
    { name: "true in a KubeletConfiguration", yaml: kubeletConfig("protectKernelDefaults: true\n") },
    { name: "true on the command line (a bare boolean flag), or left to the --config file", yaml: `${kubeletPod("kubelet", "--protect-kernel-defaults")}---\n${kubeletPod("kubelet", "--config=/etc/kubelet.yaml")}` },
    {
      name: "kubeadm kubeletExtraArgs set to true (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["protect-kernel-defaults", "true"]])}---\n${kubeletExtraArgs("v1beta4", [["protect-kernel-defaults", "true"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "false, or left out, in a KubeletConfiguration",
      yaml: `${kubeletConfig("protectKernelDefaults: false\n")}---\n${kubeletConfig()}`,
      errors: [
        { messageId: "wrongValue", data: { ...config, value: "false" }, line: 3, column: 1, endLine: 3, endColumn: 29 },
        { messageId: "missing", data: { ...config, value: "false", fix: "protectKernelDefaults: true" }, line: 6, column: 1, endLine: 6, endColumn: 27 },
      ],
    },
    {
      name: "false, or left out, on a command line",
      yaml: `${kubeletPod("kubelet", "--protect-kernel-defaults=false")}---\n${kubeletPod("kubelet")}`,
      errors: [
        { messageId: "wrongValue", data: { ...flag, value: "false" }, line: 12, column: 15, endLine: 12, endColumn: 46 },
        { messageId: "missing", data: { ...flag, value: "false", fix: "--protect-kernel-defaults=true" }, line: 23, column: 11, endLine: 23, endColumn: 19 },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["protect-kernel-defaults", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "protect-kernel-defaults", value: "false" }, line: 5, column: 5, endLine: 5, endColumn: 37 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["protect-kernel-defaults", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "protect-kernel-defaults", value: "false" }, line: 8, column: 7, endLine: 8, endColumn: 21 }],
    },
  ],
});
