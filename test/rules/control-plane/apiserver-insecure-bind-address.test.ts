import apiserverInsecureBindAddress from "../../../rules/control-plane/apiserver-insecure-bind-address.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverInsecureBindAddress, {
  valid: [
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--insecure-bind-address=0.0.0.0"]) },
  ],
  invalid: [
    {
      name: "static pod: --insecure-bind-address=0.0.0.0",
      yaml: staticPod("kube-apiserver", ["--insecure-bind-address=0.0.0.0"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "0.0.0.0", fix: "remove it" }, line: 10, column: 11, endLine: 10, endColumn: 42 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["insecure-bind-address", "0.0.0.0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "0.0.0.0", fix: "remove it" }, line: 5, column: 5, endLine: 5, endColumn: 37 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["insecure-bind-address", "0.0.0.0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "0.0.0.0", fix: "remove it" }, line: 6, column: 7, endLine: 6, endColumn: 23 }],
    },
  ],
});
