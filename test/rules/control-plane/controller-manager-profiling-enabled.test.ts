import controllerManagerProfilingEnabled from "../../../rules/control-plane/controller-manager-profiling-enabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(controllerManagerProfilingEnabled, {
  valid: [
    { name: "static pod: --profiling=false", yaml: staticPod("kube-controller-manager", ["--profiling=false"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "controllerManager", [["profiling", "false"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "controllerManager", [["profiling", "false"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--profiling=true"]) },
  ],
  invalid: [
    {
      name: "static pod: --profiling=true",
      yaml: staticPod("kube-controller-manager", ["--profiling=true"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-controller-manager\"", value: "true", fix: "set --profiling=false" }, line: 10, column: 11, endLine: 10, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "controllerManager", [["profiling", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "true", fix: "set profiling: \"false\" under controllerManager.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 22 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "controllerManager", [["profiling", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "true", fix: "set {name: profiling, value: \"false\"} under controllerManager.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 20 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-controller-manager", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-controller-manager\"", fix: "--profiling=false" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta4 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta4", "controllerManager"),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration controllerManager.extraArgs", fix: "{name: profiling, value: \"false\"} under controllerManager.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
