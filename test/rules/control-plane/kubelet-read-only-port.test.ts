import rule from "../../../rules/control-plane/kubelet-read-only-port.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletPod } from "./manifests.js";

const flag = { where: 'container "kubelet"', setting: "--read-only-port" };

testRule(rule, {
  valid: [
    { name: "0 in a KubeletConfiguration", yaml: kubeletConfig("readOnlyPort: 0\n") },
    { name: "a KubeletConfiguration that leaves it out keeps it off", yaml: kubeletConfig("port: 10250\n") },
    { name: "0 on the command line", yaml: kubeletPod("kubelet", "--read-only-port=0") },
    { name: "a command line with --config leaves it to the file", yaml: kubeletPod("kubelet", "--config=/var/lib/kubelet/config.yaml") },
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
  ],
});
