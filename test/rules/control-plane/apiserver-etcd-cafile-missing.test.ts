import apiserverEtcdCafileMissing from "../../../rules/control-plane/apiserver-etcd-cafile-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverEtcdCafileMissing, {
  valid: [
    { name: "static pod: --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt", yaml: staticPod("kube-apiserver", ["--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["etcd-cafile", "/etc/kubernetes/pki/etcd/ca.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["etcd-cafile", "/etc/kubernetes/pki/etcd/ca.crt"]]) },
    { name: "kubeadm without extraArgs: its default --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--etcd-cafile="]) },
  ],
  invalid: [
    {
      name: "static pod: --etcd-cafile=",
      yaml: staticPod("kube-apiserver", ["--etcd-cafile="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt" }, line: 10, column: 11, endLine: 10, endColumn: 25 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["etcd-cafile", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set etcd-cafile: \"/etc/kubernetes/pki/etcd/ca.crt\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 20 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["etcd-cafile", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: etcd-cafile, value: \"/etc/kubernetes/pki/etcd/ca.crt\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
