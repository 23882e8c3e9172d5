import apiserverEventRateLimitMissing from "../../../rules/control-plane/apiserver-event-rate-limit-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverEventRateLimitMissing, {
  valid: [
    { name: "static pod: --enable-admission-plugins=PodSecurity,EventRateLimit", yaml: staticPod("kube-apiserver", ["--enable-admission-plugins=PodSecurity,EventRateLimit"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", "PodSecurity,EventRateLimit"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["enable-admission-plugins", "PodSecurity,EventRateLimit"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--enable-admission-plugins=PodSecurity"]) },
  ],
  invalid: [
    {
      name: "static pod: --enable-admission-plugins=PodSecurity",
      yaml: staticPod("kube-apiserver", ["--enable-admission-plugins=PodSecurity"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "PodSecurity", fix: "set --enable-admission-plugins=PodSecurity,EventRateLimit" }, line: 10, column: 11, endLine: 10, endColumn: 49 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", "PodSecurity"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "PodSecurity", fix: "set enable-admission-plugins: \"PodSecurity,EventRateLimit\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 44 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["enable-admission-plugins", "PodSecurity"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "PodSecurity", fix: "set {name: enable-admission-plugins, value: \"PodSecurity,EventRateLimit\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 27 }],
    },
    {
      name: "kubeadm without extraArgs: its default --enable-admission-plugins=NodeRestriction lacks EventRateLimit",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "NodeRestriction", fix: "set {name: enable-admission-plugins, value: \"NodeRestriction,EventRateLimit\"} under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--enable-admission-plugins=EventRateLimit" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
