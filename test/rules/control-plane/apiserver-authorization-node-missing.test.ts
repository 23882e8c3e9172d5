import apiserverAuthorizationNodeMissing from "../../../rules/control-plane/apiserver-authorization-node-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAuthorizationNodeMissing, {
  valid: [
    { name: "static pod: --authorization-mode=RBAC,Node", yaml: staticPod("kube-apiserver", ["--authorization-mode=RBAC,Node"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["authorization-mode", "RBAC,Node"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["authorization-mode", "RBAC,Node"]]) },
    { name: "kubeadm without extraArgs: its default --authorization-mode=Node,RBAC counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--authorization-mode=RBAC"]) },
    { name: "--authorization-config replaces the flag, and the rule does not read the file", yaml: staticPod("kube-apiserver", ["--authorization-config=/etc/kubernetes/config.yaml", "--authorization-mode=RBAC"]) },
  ],
  invalid: [
    {
      name: "static pod: --authorization-mode=RBAC",
      yaml: staticPod("kube-apiserver", ["--authorization-mode=RBAC"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "RBAC", fix: "set --authorization-mode=RBAC,Node" }, line: 10, column: 11, endLine: 10, endColumn: 36 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["authorization-mode", "RBAC"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "RBAC", fix: "set authorization-mode: \"RBAC,Node\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 31 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["authorization-mode", "RBAC"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "RBAC", fix: "set {name: authorization-mode, value: \"RBAC,Node\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 20 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--authorization-mode=Node" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
