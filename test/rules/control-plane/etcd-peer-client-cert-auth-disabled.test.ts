import etcdPeerClientCertAuthDisabled from "../../../rules/control-plane/etcd-peer-client-cert-auth-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(etcdPeerClientCertAuthDisabled, {
  valid: [
    { name: "static pod: --peer-client-cert-auth=true", yaml: staticPod("etcd", ["--peer-client-cert-auth=true"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "etcd", [["peer-client-cert-auth", "true"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "etcd", [["peer-client-cert-auth", "true"]]) },
    { name: "kubeadm without extraArgs: its default --peer-client-cert-auth=true counts as set", yaml: clusterConfiguration("v1beta4", "etcd") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--peer-client-cert-auth=false"]) },
    { name: "--config-file replaces the flag, and the rule does not read the file", yaml: staticPod("etcd", ["--config-file=/etc/kubernetes/config.yaml", "--peer-client-cert-auth=false"]) },
  ],
  invalid: [
    {
      name: "static pod: --peer-client-cert-auth=false",
      yaml: staticPod("etcd", ["--peer-client-cert-auth=false"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"etcd\"", value: "false", fix: "set --peer-client-cert-auth=true" }, line: 10, column: 11, endLine: 10, endColumn: 40 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "etcd", [["peer-client-cert-auth", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "false", fix: "set peer-client-cert-auth: \"true\" under etcd.local.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 37 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "etcd", [["peer-client-cert-auth", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "false", fix: "set {name: peer-client-cert-auth, value: \"true\"} under etcd.local.extraArgs" }, line: 7, column: 9, endLine: 7, endColumn: 23 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("etcd", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"etcd\"", fix: "--peer-client-cert-auth=true" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
