import apiserverAuditLogMaxageLow from "../../../rules/control-plane/apiserver-audit-log-maxage-low.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAuditLogMaxageLow, {
  valid: [
    { name: "static pod: --audit-log-maxage=30", yaml: staticPod("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxage=30"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["audit-log-path", "/var/log/kubernetes/audit/audit.log"], ["audit-log-maxage", "30"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["audit-log-path", "/var/log/kubernetes/audit/audit.log"], ["audit-log-maxage", "30"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--audit-log-maxage=1"]) },
    { name: "no audit log file: not looked at", yaml: staticPod("kube-apiserver", ["--audit-log-maxage=1"]) },
  ],
  invalid: [
    {
      name: "static pod: --audit-log-maxage=1",
      yaml: staticPod("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--audit-log-maxage=1"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "1", fix: "set --audit-log-maxage=30" }, line: 11, column: 11, endLine: 11, endColumn: 31 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["audit-log-path", "/var/log/kubernetes/audit/audit.log"], ["audit-log-maxage", "1"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "1", fix: "set audit-log-maxage: \"30\" under apiServer.extraArgs" }, line: 6, column: 5, endLine: 6, endColumn: 26 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["audit-log-path", "/var/log/kubernetes/audit/audit.log"], ["audit-log-maxage", "1"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "1", fix: "set {name: audit-log-maxage, value: \"30\"} under apiServer.extraArgs" }, line: 8, column: 7, endLine: 8, endColumn: 17 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--audit-log-path=/var/log/kubernetes/audit/audit.log", "--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--audit-log-maxage=30" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta3 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["audit-log-path", "/var/log/kubernetes/audit/audit.log"]]),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: "audit-log-maxage: \"30\" under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 13 }],
    },
  ],
});
