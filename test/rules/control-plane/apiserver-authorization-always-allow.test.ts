import apiserverAuthorizationAlwaysAllow from "../../../rules/control-plane/apiserver-authorization-always-allow.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAuthorizationAlwaysAllow, {
  valid: [
    { name: "static pod: --authorization-mode=Node,RBAC", yaml: staticPod("kube-apiserver", ["--authorization-mode=Node,RBAC"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["authorization-mode", "Node,RBAC"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["authorization-mode", "Node,RBAC"]]) },
    { name: "kubeadm without extraArgs: its default --authorization-mode=Node,RBAC counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--authorization-mode=RBAC,AlwaysAllow"]) },
    { name: "--authorization-config replaces the flag, and the rule does not read the file", yaml: staticPod("kube-apiserver", ["--authorization-config=/etc/kubernetes/config.yaml", "--authorization-mode=RBAC,AlwaysAllow"]) },
  ],
  invalid: [
    {
      name: "static pod: --authorization-mode=RBAC,AlwaysAllow",
      yaml: staticPod("kube-apiserver", ["--authorization-mode=RBAC,AlwaysAllow"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "RBAC,AlwaysAllow", fix: "set --authorization-mode=RBAC" }, line: 10, column: 11, endLine: 10, endColumn: 48 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["authorization-mode", "RBAC,AlwaysAllow"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "RBAC,AlwaysAllow", fix: "set authorization-mode: \"RBAC\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 43 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["authorization-mode", "RBAC,AlwaysAllow"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "RBAC,AlwaysAllow", fix: "set {name: authorization-mode, value: \"RBAC\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 32 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--authorization-mode=Node,RBAC" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
