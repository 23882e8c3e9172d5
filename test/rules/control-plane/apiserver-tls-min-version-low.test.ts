import apiserverTlsMinVersionLow from "../../../rules/control-plane/apiserver-tls-min-version-low.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverTlsMinVersionLow, {
  valid: [
    { name: "static pod: --tls-min-version=VersionTLS12", yaml: staticPod("kube-apiserver", ["--tls-min-version=VersionTLS12"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-min-version", "VersionTLS12"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-min-version", "VersionTLS12"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--tls-min-version=VersionTLS10"]) },
  ],
  invalid: [
    {
      name: "static pod: --tls-min-version=VersionTLS10",
      yaml: staticPod("kube-apiserver", ["--tls-min-version=VersionTLS10"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "VersionTLS10", fix: "set --tls-min-version=VersionTLS12" }, line: 10, column: 11, endLine: 10, endColumn: 41 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-min-version", "VersionTLS10"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "VersionTLS10", fix: "set tls-min-version: \"VersionTLS12\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 36 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-min-version", "VersionTLS10"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "VersionTLS10", fix: "set {name: tls-min-version, value: \"VersionTLS12\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 28 }],
    },
  ],
});
