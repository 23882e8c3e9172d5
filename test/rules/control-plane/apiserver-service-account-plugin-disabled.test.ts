import apiserverServiceAccountPluginDisabled from "../../../rules/control-plane/apiserver-service-account-plugin-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverServiceAccountPluginDisabled, {
  valid: [
    { name: "static pod: --disable-admission-plugins=AlwaysPullImages", yaml: staticPod("kube-apiserver", ["--disable-admission-plugins=AlwaysPullImages"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["disable-admission-plugins", "AlwaysPullImages"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["disable-admission-plugins", "AlwaysPullImages"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--disable-admission-plugins=ServiceAccount"]) },
  ],
  invalid: [
    {
      name: "static pod: --disable-admission-plugins=ServiceAccount",
      yaml: staticPod("kube-apiserver", ["--disable-admission-plugins=ServiceAccount"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "ServiceAccount", fix: "remove it" }, line: 10, column: 11, endLine: 10, endColumn: 53 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["disable-admission-plugins", "ServiceAccount"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "ServiceAccount", fix: "remove it" }, line: 5, column: 5, endLine: 5, endColumn: 48 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["disable-admission-plugins", "ServiceAccount"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "ServiceAccount", fix: "remove it" }, line: 6, column: 7, endLine: 6, endColumn: 30 }],
    },
  ],
});
