import etcdPeerCertFileMissing from "../../../rules/control-plane/etcd-peer-cert-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(etcdPeerCertFileMissing, {
  valid: [
    { name: "static pod: --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", yaml: staticPod("etcd", ["--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "etcd", [["peer-cert-file", "/etc/kubernetes/pki/etcd/peer.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "etcd", [["peer-cert-file", "/etc/kubernetes/pki/etcd/peer.crt"]]) },
    { name: "kubeadm without extraArgs: its default --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt counts as set", yaml: clusterConfiguration("v1beta4", "etcd") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--peer-cert-file="]) },
    { name: "--config-file replaces the flag, and the rule does not read the file", yaml: staticPod("etcd", ["--config-file=/etc/kubernetes/config.yaml", "--peer-cert-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --peer-cert-file=",
      yaml: staticPod("etcd", ["--peer-cert-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"etcd\"", value: "", fix: "set --peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt" }, line: 10, column: 11, endLine: 10, endColumn: 28 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "etcd", [["peer-cert-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set peer-cert-file: \"/etc/kubernetes/pki/etcd/peer.crt\" under etcd.local.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 25 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "etcd", [["peer-cert-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "", fix: "set {name: peer-cert-file, value: \"/etc/kubernetes/pki/etcd/peer.crt\"} under etcd.local.extraArgs" }, line: 7, column: 9, endLine: 7, endColumn: 18 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("etcd", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"etcd\"", fix: "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
