import apiserverRequestTimeoutInvalid from "../../../rules/control-plane/apiserver-request-timeout-invalid.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverRequestTimeoutInvalid, {
  valid: [
    { name: "static pod: --request-timeout=60s", yaml: staticPod("kube-apiserver", ["--request-timeout=60s"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["request-timeout", "60s"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["request-timeout", "60s"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--request-timeout=0"]) },
    { name: "hours and minutes", yaml: staticPod("kube-apiserver", ["--request-timeout=1h30m"]) },
  ],
  invalid: [
    {
      name: "static pod: --request-timeout=0",
      yaml: staticPod("kube-apiserver", ["--request-timeout=0"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "0", fix: "set --request-timeout=60s" }, line: 10, column: 11, endLine: 10, endColumn: 30 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["request-timeout", "0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "0", fix: "set request-timeout: \"60s\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 25 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["request-timeout", "0"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "0", fix: "set {name: request-timeout, value: \"60s\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 17 }],
    },
    {
      name: "a number without a unit is not a Go duration",
      yaml: staticPod("kube-apiserver", ["--request-timeout=60"]),
      errors: [{ messageId: "wrongValue", data: { where: 'container "kube-apiserver"', value: "60", fix: "set --request-timeout=60s" }, line: 10, column: 11, endLine: 10, endColumn: 31 }],
    },
  ],
});
