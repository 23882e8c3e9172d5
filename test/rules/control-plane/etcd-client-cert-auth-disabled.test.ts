import etcdClientCertAuthDisabled from "../../../rules/control-plane/etcd-client-cert-auth-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(etcdClientCertAuthDisabled, {
  valid: [
    { name: "static pod: --client-cert-auth=true", yaml: staticPod("etcd", ["--client-cert-auth=true"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "etcd", [["client-cert-auth", "true"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "etcd", [["client-cert-auth", "true"]]) },
    { name: "kubeadm without extraArgs: its default --client-cert-auth=true counts as set", yaml: clusterConfiguration("v1beta4", "etcd") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--client-cert-auth=false"]) },
    { name: "--config-file replaces the flag, and the rule does not read the file", yaml: staticPod("etcd", ["--config-file=/etc/kubernetes/config.yaml", "--client-cert-auth=false"]) },
    { name: "set by the variable etcd reads it from", yaml: "apiVersion: v1\nkind: Pod\nmetadata: {name: etcd, namespace: kube-system}\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.21-0\n      command: [etcd]\n      env:\n        - name: ETCD_CLIENT_CERT_AUTH\n          value: \"true\"\n" },
    { name: "the command line wins over the variable", yaml: "apiVersion: v1\nkind: Pod\nmetadata: {name: etcd, namespace: kube-system}\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.21-0\n      command: [etcd, --client-cert-auth=true]\n      env:\n        - name: ETCD_CLIENT_CERT_AUTH\n          value: \"false\"\n" },
    { name: "with --config-file etcd reads neither", yaml: staticPod("etcd", ["--config-file=/etc/etcd/etcd.yaml"]) },
    { name: "kubeadm with an external etcd runs no etcd pod", yaml: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\netcd:\n  external:\n    endpoints: [https://10.0.0.5:2379]\n    caFile: /etc/etcd/ca.crt\n" },
  ],
  invalid: [
    {
      name: "static pod: --client-cert-auth=false",
      yaml: staticPod("etcd", ["--client-cert-auth=false"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"etcd\"", value: "false", fix: "set --client-cert-auth=true" }, line: 10, column: 11, endLine: 10, endColumn: 35 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "etcd", [["client-cert-auth", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "false", fix: "set client-cert-auth: \"true\" under etcd.local.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 32 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "etcd", [["client-cert-auth", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration etcd.local.extraArgs", value: "false", fix: "set {name: client-cert-auth, value: \"true\"} under etcd.local.extraArgs" }, line: 7, column: 9, endLine: 7, endColumn: 23 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("etcd", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"etcd\"", fix: "--client-cert-auth=true" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "ETCD_CLIENT_CERT_AUTH=false: the variable's value",
      yaml: "apiVersion: v1\nkind: Pod\nmetadata: {name: etcd, namespace: kube-system}\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.21-0\n      command: [etcd]\n      env:\n        - name: ETCD_CLIENT_CERT_AUTH\n          value: \"false\"\n",
      errors: [{ messageId: "wrongValue", data: { where: 'container "etcd"', value: "false", fix: "set --client-cert-auth=true" }, line: 11, column: 11, endLine: 11, endColumn: 25 }],
    },
  ],
});
