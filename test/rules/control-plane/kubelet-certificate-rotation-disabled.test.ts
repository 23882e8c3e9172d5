import rule from "../../../rules/control-plane/kubelet-certificate-rotation-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeadmInit, kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const config = { where: "KubeletConfiguration", setting: "rotateCertificates" };
const flag = { where: 'container "kubelet"', setting: "--rotate-certificates" };

testRule(rule, {
  valid: [
    { name: "true in a KubeletConfiguration", yaml: kubeletConfig("rotateCertificates: true\n") },
    { name: "kubeadm sets it to true, over false too", yaml: `${kubeadmInit}${kubeletConfig()}---\n${kubeletConfig("rotateCertificates: false\n")}` },
    { name: "on the command line", yaml: kubeletPod("kubelet", "--rotate-certificates") },
    {
      name: "kubeadm kubeletExtraArgs set to true (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["rotate-certificates", "true"]])}---\n${kubeletExtraArgs("v1beta4", [["rotate-certificates", "true"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "false, or left out (false), in a KubeletConfiguration on its own",
      yaml: `${kubeletConfig("rotateCertificates: false\n")}---\n${kubeletConfig()}`,
      errors: [
        { messageId: "wrongValue", data: { ...config, value: "false" }, line: 3, column: 1, endLine: 3, endColumn: 26 },
        { messageId: "missing", data: { ...config, value: "false", fix: "rotateCertificates: true" }, line: 6, column: 1, endLine: 6, endColumn: 27 },
      ],
    },
    {
      name: "left out on a command line without --config",
      yaml: kubeletPod("kubelet", "--v=2"),
      errors: [{ messageId: "missing", data: { ...flag, value: "false", fix: "--rotate-certificates=true" }, line: 10, column: 11, endLine: 10, endColumn: 19 }],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["rotate-certificates", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "rotate-certificates", value: "false" }, line: 5, column: 5, endLine: 5, endColumn: 33 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["rotate-certificates", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "rotate-certificates", value: "false" }, line: 8, column: 7, endLine: 8, endColumn: 21 }],
    },
  ],
});
