import apiserverClientCaFileMissing from "../../../rules/control-plane/apiserver-client-ca-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverClientCaFileMissing, {
  valid: [
    { name: "static pod: --client-ca-file=/etc/kubernetes/pki/ca.crt", yaml: staticPod("kube-apiserver", ["--client-ca-file=/etc/kubernetes/pki/ca.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["client-ca-file", "/etc/kubernetes/pki/ca.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["client-ca-file", "/etc/kubernetes/pki/ca.crt"]]) },
    { name: "kubeadm without extraArgs: its default --client-ca-file=/etc/kubernetes/pki/ca.crt counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--client-ca-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --client-ca-file=",
      yaml: staticPod("kube-apiserver", ["--client-ca-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --client-ca-file=/etc/kubernetes/pki/ca.crt" }, line: 10, column: 11, endLine: 10, endColumn: 28 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["client-ca-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set client-ca-file: \"/etc/kubernetes/pki/ca.crt\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 23 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["client-ca-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: client-ca-file, value: \"/etc/kubernetes/pki/ca.crt\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--client-ca-file=/etc/kubernetes/pki/ca.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
