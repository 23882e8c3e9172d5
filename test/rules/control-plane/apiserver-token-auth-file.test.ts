import apiserverTokenAuthFile from "../../../rules/control-plane/apiserver-token-auth-file.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverTokenAuthFile, {
  valid: [
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--token-auth-file=/etc/kubernetes/tokens.csv"]) },
  ],
  invalid: [
    {
      name: "static pod: --token-auth-file=/etc/kubernetes/tokens.csv",
      yaml: staticPod("kube-apiserver", ["--token-auth-file=/etc/kubernetes/tokens.csv"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "/etc/kubernetes/tokens.csv", fix: "remove it" }, line: 10, column: 11, endLine: 10, endColumn: 55 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["token-auth-file", "/etc/kubernetes/tokens.csv"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "/etc/kubernetes/tokens.csv", fix: "remove it" }, line: 5, column: 5, endLine: 5, endColumn: 50 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["token-auth-file", "/etc/kubernetes/tokens.csv"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "/etc/kubernetes/tokens.csv", fix: "remove it" }, line: 6, column: 7, endLine: 6, endColumn: 42 }],
    },
  ],
});
