import apiserverServiceAccountKeyFileMissing from "../../../rules/control-plane/apiserver-service-account-key-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverServiceAccountKeyFileMissing, {
  valid: [
    { name: "static pod: --service-account-key-file=/etc/kubernetes/pki/sa.pub", yaml: staticPod("kube-apiserver", ["--service-account-key-file=/etc/kubernetes/pki/sa.pub"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-key-file", "/etc/kubernetes/pki/sa.pub"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-key-file", "/etc/kubernetes/pki/sa.pub"]]) },
    { name: "kubeadm without extraArgs: its default --service-account-key-file=/etc/kubernetes/pki/sa.pub counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--service-account-key-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --service-account-key-file=",
      yaml: staticPod("kube-apiserver", ["--service-account-key-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --service-account-key-file=/etc/kubernetes/pki/sa.pub" }, line: 10, column: 11, endLine: 10, endColumn: 38 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set service-account-key-file: \"/etc/kubernetes/pki/sa.pub\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 33 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: service-account-key-file, value: \"/etc/kubernetes/pki/sa.pub\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--service-account-key-file=/etc/kubernetes/pki/sa.pub" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
