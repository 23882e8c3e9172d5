import rule from "../../../rules/control-plane/kubelet-pod-pids-unlimited.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const config = { where: "KubeletConfiguration", setting: "podPidsLimit" };
const flag = { where: 'container "kubelet"', setting: "--pod-max-pids" };

testRule(rule, {
  valid: [
    { name: "a limit in a KubeletConfiguration", yaml: kubeletConfig("podPidsLimit: 4096\n") },
    { name: "a limit on the command line, or left to the --config file", yaml: `${kubeletPod("kubelet", "--pod-max-pids=1024")}---\n${kubeletPod("kubelet", "--config=/etc/kubelet.yaml")}` },
    {
      name: "kubeadm kubeletExtraArgs with a limit (v1beta3), or left out (v1beta4): the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["pod-max-pids", "4096"]])}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "-1, or left out, in a KubeletConfiguration",
      yaml: `${kubeletConfig("podPidsLimit: -1\n")}---\n${kubeletConfig()}`,
      errors: [
        {
          messageId: "wrongValue",
          data: { ...config, value: "-1" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 17,
          message: "KubeletConfiguration sets podPidsLimit to -1: a pod may start processes until the node runs out of process IDs",
        },
        { messageId: "missing", data: { ...config, value: "-1", fix: "podPidsLimit: 4096" }, line: 6, column: 1, endLine: 6, endColumn: 27 },
      ],
    },
    {
      name: "0 (no limit either), or left out, on a command line",
      yaml: `${kubeletPod("kubelet", "--pod-max-pids=0")}---\n${kubeletPod("kubelet")}`,
      errors: [
        { messageId: "wrongValue", data: { ...flag, value: "0" }, line: 12, column: 15, endLine: 12, endColumn: 31 },
        { messageId: "missing", data: { ...flag, value: "-1", fix: "--pod-max-pids=4096" }, line: 23, column: 11, endLine: 23, endColumn: 19 },
      ],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["pod-max-pids", "-1"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "pod-max-pids", value: "-1" }, line: 8, column: 7, endLine: 8, endColumn: 18 }],
    },
  ],
});
