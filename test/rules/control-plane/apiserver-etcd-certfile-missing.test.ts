import apiserverEtcdCertfileMissing from "../../../rules/control-plane/apiserver-etcd-certfile-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverEtcdCertfileMissing, {
  valid: [
    { name: "static pod: --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt", yaml: staticPod("kube-apiserver", ["--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["etcd-certfile", "/etc/kubernetes/pki/apiserver-etcd-client.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["etcd-certfile", "/etc/kubernetes/pki/apiserver-etcd-client.crt"]]) },
    { name: "kubeadm without extraArgs: its default --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--etcd-certfile="]) },
    { name: "an external etcd's certFile and keyFile", yaml: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\netcd:\n  external:\n    endpoints: [https://10.0.0.5:2379]\n    caFile: /etc/etcd/ca.crt\n    certFile: /etc/etcd/client.crt\n    keyFile: /etc/etcd/client.key\n" },
  ],
  invalid: [
    {
      name: "static pod: --etcd-certfile=",
      yaml: staticPod("kube-apiserver", ["--etcd-certfile="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt" }, line: 10, column: 11, endLine: 10, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["etcd-certfile", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set etcd-certfile: \"/etc/kubernetes/pki/apiserver-etcd-client.crt\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 22 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["etcd-certfile", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: etcd-certfile, value: \"/etc/kubernetes/pki/apiserver-etcd-client.crt\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "an external etcd without certFile and keyFile: kubeadm passes none, at the kind as there is no apiServer section",
      yaml: "apiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\netcd:\n  external:\n    endpoints: [https://10.0.0.5:2379]\n    caFile: /etc/etcd/ca.crt\n",
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: 'etcd-certfile: "/etc/kubernetes/pki/apiserver-etcd-client.crt" under apiServer.extraArgs' }, line: 2, column: 1, endLine: 2, endColumn: 27 }],
    },
  ],
});
