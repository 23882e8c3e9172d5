import apiserverBasicAuthFile from "../../../rules/control-plane/apiserver-basic-auth-file.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverBasicAuthFile, {
  valid: [
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--basic-auth-file=/etc/kubernetes/users.csv"]) },
  ],
  invalid: [
    {
      name: "static pod: --basic-auth-file=/etc/kubernetes/users.csv",
      yaml: staticPod("kube-apiserver", ["--basic-auth-file=/etc/kubernetes/users.csv"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "/etc/kubernetes/users.csv", fix: "remove it" }, line: 10, column: 11, endLine: 10, endColumn: 54 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["basic-auth-file", "/etc/kubernetes/users.csv"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "/etc/kubernetes/users.csv", fix: "remove it" }, line: 5, column: 5, endLine: 5, endColumn: 49 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["basic-auth-file", "/etc/kubernetes/users.csv"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "/etc/kubernetes/users.csv", fix: "remove it" }, line: 6, column: 7, endLine: 6, endColumn: 41 }],
    },
  ],
});
