import apiserverInsecurePortEnabled from "../../../rules/control-plane/apiserver-insecure-port-enabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverInsecurePortEnabled, {
  valid: [
    { name: "static pod: --insecure-port=0", yaml: staticPod("kube-apiserver", ["--insecure-port=0"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["insecure-port", "0"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["insecure-port", "0"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--insecure-port=8080"]) },
  ],
  invalid: [
    {
      name: "static pod: --insecure-port=8080",
      yaml: staticPod("kube-apiserver", ["--insecure-port=8080"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "8080", fix: "set --insecure-port=0" }, line: 10, column: 11, endLine: 10, endColumn: 31 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["insecure-port", "8080"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "8080", fix: "set insecure-port: \"0\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 26 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["insecure-port", "8080"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "8080", fix: "set {name: insecure-port, value: \"0\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 20 }],
    },
  ],
});
