import controllerManagerRootCaFileMissing from "../../../rules/control-plane/controller-manager-root-ca-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(controllerManagerRootCaFileMissing, {
  valid: [
    { name: "static pod: --root-ca-file=/etc/kubernetes/pki/ca.crt", yaml: staticPod("kube-controller-manager", ["--root-ca-file=/etc/kubernetes/pki/ca.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "controllerManager", [["root-ca-file", "/etc/kubernetes/pki/ca.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "controllerManager", [["root-ca-file", "/etc/kubernetes/pki/ca.crt"]]) },
    { name: "kubeadm without extraArgs: its default --root-ca-file=/etc/kubernetes/pki/ca.crt counts as set", yaml: clusterConfiguration("v1beta4", "controllerManager") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--root-ca-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --root-ca-file=",
      yaml: staticPod("kube-controller-manager", ["--root-ca-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-controller-manager\"", value: "", fix: "set --root-ca-file=/etc/kubernetes/pki/ca.crt" }, line: 10, column: 11, endLine: 10, endColumn: 26 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "controllerManager", [["root-ca-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "", fix: "set root-ca-file: \"/etc/kubernetes/pki/ca.crt\" under controllerManager.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 21 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "controllerManager", [["root-ca-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "", fix: "set {name: root-ca-file, value: \"/etc/kubernetes/pki/ca.crt\"} under controllerManager.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-controller-manager", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-controller-manager\"", fix: "--root-ca-file=/etc/kubernetes/pki/ca.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
