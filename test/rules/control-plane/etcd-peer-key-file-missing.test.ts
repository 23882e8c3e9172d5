import etcdPeerKeyFileMissing from "../../../rules/control-plane/etcd-peer-key-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(etcdPeerKeyFileMissing, {
  valid: [
    { name: "static pod: --peer-key-file=/etc/kubernetes/pki/etcd/peer.key", yaml: staticPod("etcd", ["--peer-key-file=/etc/kubernetes/pki/etcd/peer.key"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "etcd", [["peer-key-file", "/etc/kubernetes/pki/etcd/peer.key"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "etcd", [["peer-key-file", "/etc/kubernetes/pki/etcd/peer.key"]]) },
    { name: "kubeadm without extraArgs: its default --peer-key-file=/etc/kubernetes/pki/etcd/peer.key counts as set", yaml: clusterConfiguration("v1beta4", "etcd") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--peer-key-file="]) },
    { name: "--config-file replaces the flag, and the rule does not read the file", yaml: staticPod("etcd", ["--config-file=/etc/kubernetes/config.yaml", "--peer-key-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --peer-key-file=",
      yaml: staticPod("etcd", ["--peer-key-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"etcd\"", value: "", fix: "set --peer-key-file=/etc/kubernetes/pki/etcd/peer.key" }, line: 10, column: 11, endLine: 10, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "etcd", [["peer-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set peer-key-file: \"/etc/kubernetes/pki/etcd/peer.key\" under etcd.local.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 24 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "etcd", [["peer-key-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set {name: peer-key-file, value: \"/etc/kubernetes/pki/etcd/peer.key\"} under etcd.local.extraArgs" }, line: 7, column: 9, endLine: 7, endColumn: 18 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("etcd", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"etcd\"", fix: "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
