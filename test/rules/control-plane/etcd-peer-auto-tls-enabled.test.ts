import etcdPeerAutoTlsEnabled from "../../../rules/control-plane/etcd-peer-auto-tls-enabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(etcdPeerAutoTlsEnabled, {
  valid: [
    { name: "static pod: --peer-auto-tls=false", yaml: staticPod("etcd", ["--peer-auto-tls=false"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "etcd", [["peer-auto-tls", "false"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "etcd", [["peer-auto-tls", "false"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("etcd", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "etcd") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--peer-auto-tls=true"]) },
    { name: "--config-file replaces the flag, and the rule does not read the file", yaml: staticPod("etcd", ["--config-file=/etc/kubernetes/config.yaml", "--peer-auto-tls=true"]) },
  ],
  invalid: [
    {
      name: "static pod: --peer-auto-tls=true",
      yaml: staticPod("etcd", ["--peer-auto-tls=true"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"etcd\"", value: "true", fix: "set --peer-auto-tls=false" }, line: 10, column: 11, endLine: 10, endColumn: 31 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "etcd", [["peer-auto-tls", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "true", fix: "set peer-auto-tls: \"false\" under etcd.local.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 28 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "etcd", [["peer-auto-tls", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "true", fix: "set {name: peer-auto-tls, value: \"false\"} under etcd.local.extraArgs" }, line: 7, column: 9, endLine: 7, endColumn: 22 }],
    },
  ],
});
