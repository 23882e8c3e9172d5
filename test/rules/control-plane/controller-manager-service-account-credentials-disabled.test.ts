import controllerManagerServiceAccountCredentialsDisabled from "../../../rules/control-plane/controller-manager-service-account-credentials-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(controllerManagerServiceAccountCredentialsDisabled, {
  valid: [
    { name: "static pod: --use-service-account-credentials=true", yaml: staticPod("kube-controller-manager", ["--use-service-account-credentials=true"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "controllerManager", [["use-service-account-credentials", "true"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "controllerManager", [["use-service-account-credentials", "true"]]) },
    { name: "kubeadm without extraArgs: its default --use-service-account-credentials=true counts as set", yaml: clusterConfiguration("v1beta4", "controllerManager") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--use-service-account-credentials=false"]) },
  ],
  invalid: [
    {
      name: "static pod: --use-service-account-credentials=false",
      yaml: staticPod("kube-controller-manager", ["--use-service-account-credentials=false"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-controller-manager\"", value: "false", fix: "set --use-service-account-credentials=true" }, line: 10, column: 11, endLine: 10, endColumn: 50 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "controllerManager", [["use-service-account-credentials", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "false", fix: "set use-service-account-credentials: \"true\" under controllerManager.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 45 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "controllerManager", [["use-service-account-credentials", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "false", fix: "set {name: use-service-account-credentials, value: \"true\"} under controllerManager.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 21 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-controller-manager", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-controller-manager\"", fix: "--use-service-account-credentials=true" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
