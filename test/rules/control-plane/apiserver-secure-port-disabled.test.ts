import apiserverSecurePortDisabled from "../../../rules/control-plane/apiserver-secure-port-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverSecurePortDisabled, {
  valid: [
    { name: "static pod: --secure-port=6443", yaml: staticPod("kube-apiserver", ["--secure-port=6443"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["secure-port", "6443"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["secure-port", "6443"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs: its default --secure-port=6443 counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--secure-port=0"]) },
  ],
  invalid: [
    {
      name: "static pod: --secure-port=0",
      yaml: staticPod("kube-apiserver", ["--secure-port=0"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "0", fix: "set --secure-port=6443" }, line: 10, column: 11, endLine: 10, endColumn: 26 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["secure-port", "0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "0", fix: "set secure-port: \"6443\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 21 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["secure-port", "0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "0", fix: "set {name: secure-port, value: \"6443\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 17 }],
    },
  ],
});
