import apiserverEncryptionProviderConfigMissing from "../../../rules/control-plane/apiserver-encryption-provider-config-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverEncryptionProviderConfigMissing, {
  valid: [
    { name: "static pod: --encryption-provider-config=/etc/kubernetes/encryption-config.yaml", yaml: staticPod("kube-apiserver", ["--encryption-provider-config=/etc/kubernetes/encryption-config.yaml"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["encryption-provider-config", "/etc/kubernetes/encryption-config.yaml"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["encryption-provider-config", "/etc/kubernetes/encryption-config.yaml"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--encryption-provider-config="]) },
  ],
  invalid: [
    {
      name: "static pod: --encryption-provider-config=",
      yaml: staticPod("kube-apiserver", ["--encryption-provider-config="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --encryption-provider-config=/etc/kubernetes/encryption-config.yaml" }, line: 10, column: 11, endLine: 10, endColumn: 40 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["encryption-provider-config", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set encryption-provider-config: \"/etc/kubernetes/encryption-config.yaml\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 35 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["encryption-provider-config", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: encryption-provider-config, value: \"/etc/kubernetes/encryption-config.yaml\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--encryption-provider-config=/etc/kubernetes/encryption-config.yaml" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta4 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: "{name: encryption-provider-config, value: \"/etc/kubernetes/encryption-config.yaml\"} under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
