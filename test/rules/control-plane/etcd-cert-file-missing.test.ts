import etcdCertFileMissing from "../../../rules/control-plane/etcd-cert-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(etcdCertFileMissing, {
  valid: [
    { name: "static pod: --cert-file=/etc/kubernetes/pki/etcd/server.crt", yaml: staticPod("etcd", ["--cert-file=/etc/kubernetes/pki/etcd/server.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "etcd", [["cert-file", "/etc/kubernetes/pki/etcd/server.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "etcd", [["cert-file", "/etc/kubernetes/pki/etcd/server.crt"]]) },
    { name: "kubeadm without extraArgs: its default --cert-file=/etc/kubernetes/pki/etcd/server.crt counts as set", yaml: clusterConfiguration("v1beta4", "etcd") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--cert-file="]) },
    { name: "--config-file replaces the flag, and the rule does not read the file", yaml: staticPod("etcd", ["--config-file=/etc/kubernetes/config.yaml", "--cert-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --cert-file=",
      yaml: staticPod("etcd", ["--cert-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"etcd\"", value: "", fix: "set --cert-file=/etc/kubernetes/pki/etcd/server.crt" }, line: 10, column: 11, endLine: 10, endColumn: 23 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "etcd", [["cert-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set cert-file: \"/etc/kubernetes/pki/etcd/server.crt\" under etcd.local.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 20 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "etcd", [["cert-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set {name: cert-file, value: \"/etc/kubernetes/pki/etcd/server.crt\"} under etcd.local.extraArgs" }, line: 7, column: 9, endLine: 7, endColumn: 18 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("etcd", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"etcd\"", fix: "--cert-file=/etc/kubernetes/pki/etcd/server.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
