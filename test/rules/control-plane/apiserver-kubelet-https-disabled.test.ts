import apiserverKubeletHttpsDisabled from "../../../rules/control-plane/apiserver-kubelet-https-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverKubeletHttpsDisabled, {
  valid: [
    { name: "static pod: --kubelet-https=true", yaml: staticPod("kube-apiserver", ["--kubelet-https=true"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-https", "true"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-https", "true"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--kubelet-https=false"]) },
  ],
  invalid: [
    {
      name: "static pod: --kubelet-https=false",
      yaml: staticPod("kube-apiserver", ["--kubelet-https=false"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "false", fix: "set --kubelet-https=true" }, line: 10, column: 11, endLine: 10, endColumn: 32 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-https", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "false", fix: "set kubelet-https: \"true\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-https", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "false", fix: "set {name: kubelet-https, value: \"true\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 21 }],
    },
  ],
});
