import controllerManagerTerminatedPodGcThresholdMissing from "../../../rules/control-plane/controller-manager-terminated-pod-gc-threshold-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(controllerManagerTerminatedPodGcThresholdMissing, {
  valid: [
    { name: "static pod: --terminated-pod-gc-threshold=10", yaml: staticPod("kube-controller-manager", ["--terminated-pod-gc-threshold=10"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "controllerManager", [["terminated-pod-gc-threshold", "10"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "controllerManager", [["terminated-pod-gc-threshold", "10"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--terminated-pod-gc-threshold="]) },
  ],
  invalid: [
    {
      name: "static pod: --terminated-pod-gc-threshold=",
      yaml: staticPod("kube-controller-manager", ["--terminated-pod-gc-threshold="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-controller-manager\"", value: "", fix: "set --terminated-pod-gc-threshold=10" }, line: 10, column: 11, endLine: 10, endColumn: 41 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "controllerManager", [["terminated-pod-gc-threshold", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "", fix: "set terminated-pod-gc-threshold: \"10\" under controllerManager.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 36 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "controllerManager", [["terminated-pod-gc-threshold", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "", fix: "set {name: terminated-pod-gc-threshold, value: \"10\"} under controllerManager.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-controller-manager", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-controller-manager\"", fix: "--terminated-pod-gc-threshold=10" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta4 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta4", "controllerManager"),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration controllerManager.extraArgs", fix: "{name: terminated-pod-gc-threshold, value: \"10\"} under controllerManager.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
