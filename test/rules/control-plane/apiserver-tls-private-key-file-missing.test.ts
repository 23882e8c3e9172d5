import apiserverTlsPrivateKeyFileMissing from "../../../rules/control-plane/apiserver-tls-private-key-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverTlsPrivateKeyFileMissing, {
  valid: [
    { name: "static pod: --tls-private-key-file=/etc/kubernetes/pki/apiserver.key", yaml: staticPod("kube-apiserver", ["--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-private-key-file", "/etc/kubernetes/pki/apiserver.key"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-private-key-file", "/etc/kubernetes/pki/apiserver.key"]]) },
    { name: "kubeadm without extraArgs: its default --tls-private-key-file=/etc/kubernetes/pki/apiserver.key counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--tls-private-key-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --tls-private-key-file=",
      yaml: staticPod("kube-apiserver", ["--tls-private-key-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --tls-private-key-file=/etc/kubernetes/pki/apiserver.key" }, line: 10, column: 11, endLine: 10, endColumn: 34 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-private-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set tls-private-key-file: \"/etc/kubernetes/pki/apiserver.key\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 29 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-private-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: tls-private-key-file, value: \"/etc/kubernetes/pki/apiserver.key\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
