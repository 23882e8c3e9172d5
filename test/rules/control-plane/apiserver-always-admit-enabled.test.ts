import apiserverAlwaysAdmitEnabled from "../../../rules/control-plane/apiserver-always-admit-enabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAlwaysAdmitEnabled, {
  valid: [
    { name: "static pod: --enable-admission-plugins=NodeRestriction", yaml: staticPod("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", "NodeRestriction"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["enable-admission-plugins", "NodeRestriction"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs: its default --enable-admission-plugins=NodeRestriction counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--enable-admission-plugins=NodeRestriction,AlwaysAdmit"]) },
  ],
  invalid: [
    {
      name: "static pod: --enable-admission-plugins=NodeRestriction,AlwaysAdmit",
      yaml: staticPod("kube-apiserver", ["--enable-admission-plugins=NodeRestriction,AlwaysAdmit"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "NodeRestriction,AlwaysAdmit", fix: "set --enable-admission-plugins=NodeRestriction" }, line: 10, column: 11, endLine: 10, endColumn: 65 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", "NodeRestriction,AlwaysAdmit"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "NodeRestriction,AlwaysAdmit", fix: "set enable-admission-plugins: \"NodeRestriction\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 60 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["enable-admission-plugins", "NodeRestriction,AlwaysAdmit"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "NodeRestriction,AlwaysAdmit", fix: "set {name: enable-admission-plugins, value: \"NodeRestriction\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 43 }],
    },
  ],
});
