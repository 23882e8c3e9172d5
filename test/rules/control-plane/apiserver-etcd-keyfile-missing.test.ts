import apiserverEtcdKeyfileMissing from "../../../rules/control-plane/apiserver-etcd-keyfile-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverEtcdKeyfileMissing, {
  valid: [
    { name: "static pod: --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key", yaml: staticPod("kube-apiserver", ["--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["etcd-keyfile", "/etc/kubernetes/pki/apiserver-etcd-client.key"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["etcd-keyfile", "/etc/kubernetes/pki/apiserver-etcd-client.key"]]) },
    { name: "kubeadm without extraArgs: its default --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--etcd-keyfile="]) },
  ],
  invalid: [
    {
      name: "static pod: --etcd-keyfile=",
      yaml: staticPod("kube-apiserver", ["--etcd-keyfile="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key" }, line: 10, column: 11, endLine: 10, endColumn: 26 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["etcd-keyfile", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set etcd-keyfile: \"/etc/kubernetes/pki/apiserver-etcd-client.key\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 21 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["etcd-keyfile", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: etcd-keyfile, value: \"/etc/kubernetes/pki/apiserver-etcd-client.key\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
