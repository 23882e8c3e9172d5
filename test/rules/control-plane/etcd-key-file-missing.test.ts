import etcdKeyFileMissing from "../../../rules/control-plane/etcd-key-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(etcdKeyFileMissing, {
  valid: [
    { name: "static pod: --key-file=/etc/kubernetes/pki/etcd/server.key", yaml: staticPod("etcd", ["--key-file=/etc/kubernetes/pki/etcd/server.key"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "etcd", [["key-file", "/etc/kubernetes/pki/etcd/server.key"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "etcd", [["key-file", "/etc/kubernetes/pki/etcd/server.key"]]) },
    { name: "kubeadm without extraArgs: its default --key-file=/etc/kubernetes/pki/etcd/server.key counts as set", yaml: clusterConfiguration("v1beta4", "etcd") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--key-file="]) },
    { name: "--config-file replaces the flag, and the rule does not read the file", yaml: staticPod("etcd", ["--config-file=/etc/kubernetes/config.yaml", "--key-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --key-file=",
      yaml: staticPod("etcd", ["--key-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"etcd\"", value: "", fix: "set --key-file=/etc/kubernetes/pki/etcd/server.key" }, line: 10, column: 11, endLine: 10, endColumn: 22 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "etcd", [["key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set key-file: \"/etc/kubernetes/pki/etcd/server.key\" under etcd.local.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 19 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "etcd", [["key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set {name: key-file, value: \"/etc/kubernetes/pki/etcd/server.key\"} under etcd.local.extraArgs" }, line: 7, column: 9, endLine: 7, endColumn: 18 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("etcd", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"etcd\"", fix: "--key-file=/etc/kubernetes/pki/etcd/server.key" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
