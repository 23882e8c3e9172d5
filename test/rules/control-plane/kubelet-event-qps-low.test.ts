import rule from "../../../rules/control-plane/kubelet-event-qps-low.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

testRule(rule, {
  valid: [
    { name: "the default, more, or no limit (0) in a KubeletConfiguration", yaml: `${kubeletConfig("eventRecordQPS: 50\n")}---\n${kubeletConfig("eventRecordQPS: 200\n")}---\n${kubeletConfig("eventRecordQPS: 0\n")}` },
    { name: "left out: the default, 50", yaml: `${kubeletConfig()}---\n${kubeletPod("kubelet")}` },
    { name: "no limit on the command line", yaml: kubeletPod("kubelet", "--event-qps=0") },
    { name: "kubeadm kubeletExtraArgs above the default", yaml: kubeletExtraArgs("v1beta3", [["event-qps", "100"]]) },
  ],
  invalid: [
    {
      name: "a limit below the default in a KubeletConfiguration",
      yaml: kubeletConfig("eventRecordQPS: 5\n"),
      errors: [
        {
          messageId: "wrongValue",
          data: { where: "KubeletConfiguration", setting: "eventRecordQPS", value: "5" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 18,
          message: "KubeletConfiguration sets eventRecordQPS to 5: the kubelet sends fewer events a second than by default, so bursts of events (failed mounts, image pulls, evictions) queue and are dropped; set it to 50 or more, or 0 for no limit.",
        },
      ],
    },
    {
      name: "a negative value on a command line, which the kubelet refuses",
      yaml: kubeletPod("kubelet", "--event-qps=-1"),
      errors: [{ messageId: "wrongValue", data: { where: 'container "kubelet"', setting: "--event-qps", value: "-1" }, line: 12, column: 15, endLine: 12, endColumn: 29 }],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["event-qps", "10"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "event-qps", value: "10" }, line: 5, column: 5, endLine: 5, endColumn: 20 }],
    },
  ],
});
