import apiserverAnonymousAuthEnabled from "../../../rules/control-plane/apiserver-anonymous-auth-enabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverAnonymousAuthEnabled, {
  valid: [
    { name: "static pod: --anonymous-auth=false", yaml: staticPod("kube-apiserver", ["--anonymous-auth=false"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["anonymous-auth", "false"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["anonymous-auth", "false"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--anonymous-auth=true"]) },
  ],
  invalid: [
    {
      name: "static pod: --anonymous-auth=true",
      yaml: staticPod("kube-apiserver", ["--anonymous-auth=true"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "true", fix: "set --anonymous-auth=false" }, line: 10, column: 11, endLine: 10, endColumn: 32 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["anonymous-auth", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "true", fix: "set anonymous-auth: \"false\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 27 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["anonymous-auth", "true"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "true", fix: "set {name: anonymous-auth, value: \"false\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 20 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--anonymous-auth=false" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta4 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: "{name: anonymous-auth, value: \"false\"} under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
