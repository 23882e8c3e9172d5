import apiserverKubeletClientKeyMissing from "../../../rules/control-plane/apiserver-kubelet-client-key-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverKubeletClientKeyMissing, {
  valid: [
    { name: "static pod: --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key", yaml: staticPod("kube-apiserver", ["--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-client-key", "/etc/kubernetes/pki/apiserver-kubelet-client.key"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-client-key", "/etc/kubernetes/pki/apiserver-kubelet-client.key"]]) },
    { name: "kubeadm without extraArgs: its default --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--kubelet-client-key="]) },
  ],
  invalid: [
    {
      name: "static pod: --kubelet-client-key=",
      yaml: staticPod("kube-apiserver", ["--kubelet-client-key="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key" }, line: 10, column: 11, endLine: 10, endColumn: 32 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-client-key", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set kubelet-client-key: \"/etc/kubernetes/pki/apiserver-kubelet-client.key\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-client-key", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: kubelet-client-key, value: \"/etc/kubernetes/pki/apiserver-kubelet-client.key\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
