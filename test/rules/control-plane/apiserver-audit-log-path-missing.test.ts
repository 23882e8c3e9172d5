import apiserverAuditLogPathMissing from "../../../rules/control-plane/apiserver-audit-log-path-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAuditLogPathMissing, {
  valid: [
    { name: "static pod: --audit-log-path=/var/log/kubernetes/audit/audit.log", yaml: staticPod("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["audit-log-path", "/var/log/kubernetes/audit/audit.log"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["audit-log-path", "/var/log/kubernetes/audit/audit.log"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--audit-log-path="]) },
  ],
  invalid: [
    {
      name: "static pod: --audit-log-path=",
      yaml: staticPod("kube-apiserver", ["--audit-log-path="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --audit-log-path=/var/log/kubernetes/audit/audit.log" }, line: 10, column: 11, endLine: 10, endColumn: 28 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["audit-log-path", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set audit-log-path: \"/var/log/kubernetes/audit/audit.log\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 23 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["audit-log-path", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: audit-log-path, value: \"/var/log/kubernetes/audit/audit.log\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--audit-log-path=/var/log/kubernetes/audit/audit.log" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta4 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: "{name: audit-log-path, value: \"/var/log/kubernetes/audit/audit.log\"} under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
