import apiserverTlsCertFileMissing from "../../../rules/control-plane/apiserver-tls-cert-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverTlsCertFileMissing, {
  valid: [
    { name: "static pod: --tls-cert-file=/etc/kubernetes/pki/apiserver.crt", yaml: staticPod("kube-apiserver", ["--tls-cert-file=/etc/kubernetes/pki/apiserver.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-cert-file", "/etc/kubernetes/pki/apiserver.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-cert-file", "/etc/kubernetes/pki/apiserver.crt"]]) },
    { name: "kubeadm without extraArgs: its default --tls-cert-file=/etc/kubernetes/pki/apiserver.crt counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--tls-cert-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --tls-cert-file=",
      yaml: staticPod("kube-apiserver", ["--tls-cert-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --tls-cert-file=/etc/kubernetes/pki/apiserver.crt" }, line: 10, column: 11, endLine: 10, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-cert-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set tls-cert-file: \"/etc/kubernetes/pki/apiserver.crt\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 22 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-cert-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: tls-cert-file, value: \"/etc/kubernetes/pki/apiserver.crt\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
