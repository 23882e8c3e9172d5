import rule from "../../../rules/control-plane/kubelet-iptables-chains-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletPod } from "./manifests.js";

testRule(rule, {
  valid: [
    { name: "true, or left to the default (true), in a KubeletConfiguration", yaml: `${kubeletConfig("makeIPTablesUtilChains: true\n")}---\n${kubeletConfig()}` },
    { name: "left to the default on the command line", yaml: kubeletPod("kubelet") },
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
  ],
});
