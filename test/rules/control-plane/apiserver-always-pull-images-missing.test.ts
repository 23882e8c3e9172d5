import apiserverAlwaysPullImagesMissing from "../../../rules/control-plane/apiserver-always-pull-images-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAlwaysPullImagesMissing, {
  valid: [
    { name: "static pod: --enable-admission-plugins=PodSecurity,AlwaysPullImages", yaml: staticPod("kube-apiserver", ["--enable-admission-plugins=PodSecurity,AlwaysPullImages"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", "PodSecurity,AlwaysPullImages"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["enable-admission-plugins", "PodSecurity,AlwaysPullImages"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--enable-admission-plugins=PodSecurity"]) },
  ],
  invalid: [
    {
      name: "static pod: --enable-admission-plugins=PodSecurity",
      yaml: staticPod("kube-apiserver", ["--enable-admission-plugins=PodSecurity"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "PodSecurity", fix: "set --enable-admission-plugins=PodSecurity,AlwaysPullImages" }, line: 10, column: 11, endLine: 10, endColumn: 49 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", "PodSecurity"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "PodSecurity", fix: "set enable-admission-plugins: \"PodSecurity,AlwaysPullImages\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 44 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["enable-admission-plugins", "PodSecurity"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "PodSecurity", fix: "set {name: enable-admission-plugins, value: \"PodSecurity,AlwaysPullImages\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 27 }],
    },
    {
      name: "kubeadm without extraArgs: its default --enable-admission-plugins=NodeRestriction lacks AlwaysPullImages",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "NodeRestriction", fix: "set {name: enable-admission-plugins, value: \"NodeRestriction,AlwaysPullImages\"} under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--enable-admission-plugins=AlwaysPullImages" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
