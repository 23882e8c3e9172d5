import controllerManagerServiceAccountPrivateKeyFileMissing from "../../../rules/control-plane/controller-manager-service-account-private-key-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(controllerManagerServiceAccountPrivateKeyFileMissing, {
  valid: [
    { name: "static pod: --service-account-private-key-file=/etc/kubernetes/pki/sa.key", yaml: staticPod("kube-controller-manager", ["--service-account-private-key-file=/etc/kubernetes/pki/sa.key"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "controllerManager", [["service-account-private-key-file", "/etc/kubernetes/pki/sa.key"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "controllerManager", [["service-account-private-key-file", "/etc/kubernetes/pki/sa.key"]]) },
    { name: "kubeadm without extraArgs: its default --service-account-private-key-file=/etc/kubernetes/pki/sa.key counts as set", yaml: clusterConfiguration("v1beta4", "controllerManager") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--service-account-private-key-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --service-account-private-key-file=",
      yaml: staticPod("kube-controller-manager", ["--service-account-private-key-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-controller-manager\"", value: "", fix: "set --service-account-private-key-file=/etc/kubernetes/pki/sa.key" }, line: 10, column: 11, endLine: 10, endColumn: 46 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "controllerManager", [["service-account-private-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "", fix: "set service-account-private-key-file: \"/etc/kubernetes/pki/sa.key\" under controllerManager.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 41 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "controllerManager", [["service-account-private-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "", fix: "set {name: service-account-private-key-file, value: \"/etc/kubernetes/pki/sa.key\"} under controllerManager.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-controller-manager", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-controller-manager\"", fix: "--service-account-private-key-file=/etc/kubernetes/pki/sa.key" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
