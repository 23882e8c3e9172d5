import rule from "../../../rules/control-plane/kubelet-seccomp-default-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const config = { where: "KubeletConfiguration", setting: "seccompDefault" };
const flag = { where: 'container "kubelet"', setting: "--seccomp-default" };
const extraArgs = { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "seccomp-default", value: "false" };

testRule(rule, {
  valid: [
    { name: "true in a KubeletConfiguration", yaml: kubeletConfig("seccompDefault: true\n") },
    { name: "true on the command line (a bare boolean flag), or left to the --config file", yaml: `${kubeletPod("kubelet", "--seccomp-default")}---\n${kubeletPod("kubelet", "--config=/etc/kubelet.yaml")}` },
    {
      name: "kubeadm kubeletExtraArgs set to true (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["seccomp-default", "true"]])}---\n${kubeletExtraArgs("v1beta4", [["seccomp-default", "true"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "false, or left out, in a KubeletConfiguration",
      yaml: `${kubeletConfig("seccompDefault: false\n")}---\n${kubeletConfig()}`,
      errors: [
        {
          messageId: "wrongValue",
          data: { ...config, value: "false" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 22,
          message: "KubeletConfiguration sets seccompDefault to false: containers that name no seccomp profile run Unconfined",
        },
        {
          messageId: "missing",
          data: { ...config, value: "false", fix: "seccompDefault: true" },
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 27,
          message: "KubeletConfiguration does not set seccompDefault, so it is false",
        },
      ],
    },
    {
      name: "false, or left out, on a command line",
      yaml: `${kubeletPod("kubelet", "--seccomp-default=false")}---\n${kubeletPod("kubelet")}`,
      errors: [
        { messageId: "wrongValue", data: { ...flag, value: "false" }, line: 12, column: 15, endLine: 12, endColumn: 38 },
        { messageId: "missing", data: { ...flag, value: "false", fix: "--seccomp-default=true" }, line: 23, column: 11, endLine: 23, endColumn: 19 },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["seccomp-default", "false"]]),
      errors: [{ messageId: "wrongValue", data: extraArgs, line: 5, column: 5, endLine: 5, endColumn: 29 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["seccomp-default", "false"]]),
      errors: [{ messageId: "wrongValue", data: extraArgs, line: 8, column: 7, endLine: 8, endColumn: 21 }],
    },
  ],
});
