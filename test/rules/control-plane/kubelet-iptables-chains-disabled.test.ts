import rule from "../../../rules/control-plane/kubelet-iptables-chains-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

testRule(rule, {
  valid: [
    { name: "true, or left to the default (true), in a KubeletConfiguration", yaml: `${kubeletConfig("makeIPTablesUtilChains: true\n")}---\n${kubeletConfig()}` },
    { name: "left to the default on the command line", yaml: kubeletPod("kubelet") },
    {
      name: "kubeadm kubeletExtraArgs set to true (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["make-iptables-util-chains", "true"]])}---\n${kubeletExtraArgs("v1beta4", [["make-iptables-util-chains", "true"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "false in a KubeletConfiguration and on the command line",
      yaml: `${kubeletConfig("makeIPTablesUtilChains: false\n")}---\n${kubeletPod("kubelet", "--make-iptables-util-chains=false")}`,
      errors: [
        { messageId: "wrongValue", data: { where: "KubeletConfiguration", setting: "makeIPTablesUtilChains", value: "false" }, line: 3, column: 1, endLine: 3, endColumn: 30 },
        { messageId: "wrongValue", data: { where: 'container "kubelet"', setting: "--make-iptables-util-chains", value: "false" }, line: 16, column: 15, endLine: 16, endColumn: 48 },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["make-iptables-util-chains", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "make-iptables-util-chains", value: "false" }, line: 5, column: 5, endLine: 5, endColumn: 39 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["make-iptables-util-chains", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "make-iptables-util-chains", value: "false" }, line: 8, column: 7, endLine: 8, endColumn: 21 }],
    },
  ],
});
