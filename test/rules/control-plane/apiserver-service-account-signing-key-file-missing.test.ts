import apiserverServiceAccountSigningKeyFileMissing from "../../../rules/control-plane/apiserver-service-account-signing-key-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverServiceAccountSigningKeyFileMissing, {
  valid: [
    { name: "static pod: --service-account-signing-key-file=/etc/kubernetes/pki/sa.key", yaml: staticPod("kube-apiserver", ["--service-account-signing-key-file=/etc/kubernetes/pki/sa.key"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-signing-key-file", "/etc/kubernetes/pki/sa.key"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-signing-key-file", "/etc/kubernetes/pki/sa.key"]]) },
    { name: "kubeadm without extraArgs: its default --service-account-signing-key-file=/etc/kubernetes/pki/sa.key counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--service-account-signing-key-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --service-account-signing-key-file=",
      yaml: staticPod("kube-apiserver", ["--service-account-signing-key-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --service-account-signing-key-file=/etc/kubernetes/pki/sa.key" }, line: 10, column: 11, endLine: 10, endColumn: 46 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-signing-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set service-account-signing-key-file: \"/etc/kubernetes/pki/sa.key\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 41 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-signing-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: service-account-signing-key-file, value: \"/etc/kubernetes/pki/sa.key\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
