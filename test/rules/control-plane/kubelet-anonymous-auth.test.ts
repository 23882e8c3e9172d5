import rule from "../../../rules/control-plane/kubelet-anonymous-auth.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const config = { where: "KubeletConfiguration", setting: "authentication.anonymous.enabled" };
const flag = { where: 'container "kubelet"', setting: "--anonymous-auth" };

testRule(rule, {
  valid: [
    { name: "turned off in a KubeletConfiguration", yaml: kubeletConfig("authentication:\n  anonymous:\n    enabled: false\n") },
    { name: "a KubeletConfiguration that leaves it out takes the v1beta1 default, false", yaml: kubeletConfig("authentication:\n  webhook: {enabled: true}\n") },
    { name: "turned off on the command line", yaml: kubeletPod("kubelet", "--anonymous-auth=false") },
    { name: "a command line with --config leaves it to the file", yaml: kubeletPod("/usr/bin/kubelet", "--config", "/var/lib/kubelet/config.yaml") },
    { name: "another program's --anonymous-auth is not the kubelet's", yaml: kubeletPod("kube-apiserver", "--anonymous-auth=true") },
    {
      name: "a KubeletConfiguration of another API group is not read",
      yaml: "apiVersion: example.com/v1\nkind: KubeletConfiguration\nauthentication:\n  anonymous:\n    enabled: true\n",
    },
    {
      name: "kubeadm kubeletExtraArgs set to false (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["anonymous-auth", "false"]])}---\n${kubeletExtraArgs("v1beta4", [["anonymous-auth", "false"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "turned on in a KubeletConfiguration: the field",
      yaml: kubeletConfig("authentication:\n  anonymous:\n    enabled: true\n"),
      errors: [
        {
          messageId: "wrongValue",
          data: { ...config, value: "true" },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 18,
          message: "KubeletConfiguration sets authentication.anonymous.enabled to true: requests without credentials reach the kubelet API as system:anonymous; set it to false.",
        },
      ],
    },
    {
      name: "on the command line: --flag=true, a bare boolean flag (a following `false` is no value of it), and the last of repeated flags",
      yaml: `${kubeletPod("kubelet", "--anonymous-auth=1")}---\n${kubeletPod("kubelet", "--anonymous-auth", '"false"')}---\n${kubeletPod("kubelet", "--anonymous-auth=false", "--anonymous-auth=true")}`,
      errors: [
        { messageId: "wrongValue", data: { ...flag, value: "true" }, line: 12, column: 15, endLine: 12, endColumn: 33 },
        { messageId: "wrongValue", data: { ...flag, value: "true" }, line: 25, column: 15, endLine: 25, endColumn: 31 },
        { messageId: "wrongValue", data: { ...flag, value: "true" }, line: 40, column: 15, endLine: 40, endColumn: 36 },
      ],
    },
    {
      name: "a command line without --config keeps the legacy flag default, true: the command key, with the flag to add",
      yaml: kubeletPod("kubelet", "--v=2"),
      errors: [
        {
          messageId: "missing",
          data: { ...flag, value: "true", fix: "--anonymous-auth=false" },
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 19,
          message: 'container "kubelet" does not set --anonymous-auth, so it is true: requests without credentials reach the kubelet API as system:anonymous; add --anonymous-auth=false.',
        },
      ],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["anonymous-auth", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "anonymous-auth", value: "true" }, line: 5, column: 5, endLine: 5, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["anonymous-auth", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "anonymous-auth", value: "true" }, line: 8, column: 7, endLine: 8, endColumn: 20 }],
    },
    {
      name: "a JoinConfiguration's v1beta4 list that repeats the flag: kubeadm sorts the args by value, so true comes last and wins",
      yaml: kubeletExtraArgs("v1beta4", [["anonymous-auth", "true"], ["anonymous-auth", "false"]], "JoinConfiguration"),
      errors: [
        {
          messageId: "wrongValue",
          data: { where: "JoinConfiguration nodeRegistration.kubeletExtraArgs", setting: "anonymous-auth", value: "true" },
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 20,
          message: "JoinConfiguration nodeRegistration.kubeletExtraArgs sets anonymous-auth to true: requests without credentials reach the kubelet API as system:anonymous; set it to false.",
        },
      ],
    },
    {
      name: "a KubeletConfiguration that one node's kubeletExtraArgs override: still reported, as kubeadm uploads it to the kubelet-config ConfigMap that joining nodes read",
      yaml: `${kubeletExtraArgs("v1beta4", [["anonymous-auth", "false"]])}---\n${kubeletConfig("authentication:\n  anonymous:\n    enabled: true\n")}`,
      errors: [{ messageId: "wrongValue", data: { ...config, value: "true" }, line: 12, column: 5, endLine: 12, endColumn: 18 }],
    },
  ],
});
