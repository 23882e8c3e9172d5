import rule from "../../../rules/control-plane/kubelet-read-only-port.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const flag = { where: 'container "kubelet"', setting: "--read-only-port" };

testRule(rule, {
  valid: [
    { name: "0 in a KubeletConfiguration", yaml: kubeletConfig("readOnlyPort: 0\n") },
    { name: "a KubeletConfiguration that leaves it out keeps it off", yaml: kubeletConfig("port: 10250\n") },
    { name: "0 on the command line", yaml: kubeletPod("kubelet", "--read-only-port=0") },
    { name: "a command line with --config leaves it to the file", yaml: kubeletPod("kubelet", "--config=/var/lib/kubelet/config.yaml") },
    {
      name: "kubeadm kubeletExtraArgs set to 0 (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["read-only-port", "0"]])}---\n${kubeletExtraArgs("v1beta4", [["read-only-port", "0"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "a port in a KubeletConfiguration",
      yaml: kubeletConfig("readOnlyPort: 10255\n"),
      errors: [{ messageId: "wrongValue", data: { where: "KubeletConfiguration", setting: "readOnlyPort", value: "10255" }, line: 3, column: 1, endLine: 3, endColumn: 20 }],
    },
    {
      name: "a port as `--flag value`",
      yaml: kubeletPod("kubelet", "--read-only-port", '"10255"'),
      errors: [{ messageId: "wrongValue", data: { ...flag, value: "10255" }, line: 12, column: 15, endLine: 12, endColumn: 31 }],
    },
    {
      name: "a command line without --config keeps the legacy default, 10255",
      yaml: kubeletPod("kubelet"),
      errors: [{ messageId: "missing", data: { ...flag, value: "10255", fix: "--read-only-port=0" }, line: 10, column: 11, endLine: 10, endColumn: 19 }],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["read-only-port", "10255"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "read-only-port", value: "10255" }, line: 5, column: 5, endLine: 5, endColumn: 28 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["read-only-port", "10255"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "read-only-port", value: "10255" }, line: 8, column: 7, endLine: 8, endColumn: 21 }],
    },
  ],
});
