import controllerManagerBindAddressExposed from "../../../rules/control-plane/controller-manager-bind-address-exposed.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(controllerManagerBindAddressExposed, {
  valid: [
    { name: "static pod: --bind-address=127.0.0.1", yaml: staticPod("kube-controller-manager", ["--bind-address=127.0.0.1"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "controllerManager", [["bind-address", "127.0.0.1"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "controllerManager", [["bind-address", "127.0.0.1"]]) },
    { name: "kubeadm without extraArgs: its default --bind-address=127.0.0.1 counts as set", yaml: clusterConfiguration("v1beta4", "controllerManager") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--bind-address=0.0.0.0"]) },
  ],
  invalid: [
    {
      name: "static pod: --bind-address=0.0.0.0",
      yaml: staticPod("kube-controller-manager", ["--bind-address=0.0.0.0"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-controller-manager\"", value: "0.0.0.0", fix: "set --bind-address=127.0.0.1" }, line: 10, column: 11, endLine: 10, endColumn: 33 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "controllerManager", [["bind-address", "0.0.0.0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "0.0.0.0", fix: "set bind-address: \"127.0.0.1\" under controllerManager.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 28 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "controllerManager", [["bind-address", "0.0.0.0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "0.0.0.0", fix: "set {name: bind-address, value: \"127.0.0.1\"} under controllerManager.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 23 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-controller-manager", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-controller-manager\"", fix: "--bind-address=127.0.0.1" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
