import apiserverAuditPolicyFileMissing from "../../../rules/control-plane/apiserver-audit-policy-file-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAuditPolicyFileMissing, {
  valid: [
    { name: "static pod: --audit-policy-file=/etc/kubernetes/audit-policy.yaml", yaml: staticPod("kube-apiserver", ["--audit-policy-file=/etc/kubernetes/audit-policy.yaml"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["audit-policy-file", "/etc/kubernetes/audit-policy.yaml"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["audit-policy-file", "/etc/kubernetes/audit-policy.yaml"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--audit-policy-file="]) },
  ],
  invalid: [
    {
      name: "static pod: --audit-policy-file=",
      yaml: staticPod("kube-apiserver", ["--audit-policy-file="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --audit-policy-file=/etc/kubernetes/audit-policy.yaml" }, line: 10, column: 11, endLine: 10, endColumn: 31 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["audit-policy-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set audit-policy-file: \"/etc/kubernetes/audit-policy.yaml\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 26 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["audit-policy-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: audit-policy-file, value: \"/etc/kubernetes/audit-policy.yaml\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--audit-policy-file=/etc/kubernetes/audit-policy.yaml" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta4 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: "{name: audit-policy-file, value: \"/etc/kubernetes/audit-policy.yaml\"} under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
