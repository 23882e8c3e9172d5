import apiserverServiceAccountLookupDisabled from "../../../rules/control-plane/apiserver-service-account-lookup-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverServiceAccountLookupDisabled, {
  valid: [
    { name: "static pod: --service-account-lookup=true", yaml: staticPod("kube-apiserver", ["--service-account-lookup=true"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-lookup", "true"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-lookup", "true"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--service-account-lookup=false"]) },
  ],
  invalid: [
    {
      name: "static pod: --service-account-lookup=false",
      yaml: staticPod("kube-apiserver", ["--service-account-lookup=false"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "false", fix: "set --service-account-lookup=true" }, line: 10, column: 11, endLine: 10, endColumn: 41 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-lookup", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "false", fix: "set service-account-lookup: \"true\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 36 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-lookup", "false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "false", fix: "set {name: service-account-lookup, value: \"true\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 21 }],
    },
  ],
});
