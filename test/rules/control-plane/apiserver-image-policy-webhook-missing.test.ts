import rule from "../../../rules/control-plane/apiserver-image-policy-webhook-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

const PLUGINS = "NodeRestriction,ImagePolicyWebhook";
const kubeadm = { where: "ClusterConfiguration apiServer.extraArgs", value: "NodeRestriction" };

testRule(rule, {
  valid: [
    { name: "static pod with the plugin", yaml: staticPod("kube-apiserver", [`--enable-admission-plugins=${PLUGINS}`, "--admission-control-config-file=/etc/kubernetes/admission.yaml"]) },
    { name: "kubeadm v1beta3 and v1beta4", yaml: `${clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", PLUGINS]])}---\n${clusterConfiguration("v1beta4", "apiServer", [["enable-admission-plugins", PLUGINS]])}` },
    { name: "another program's flags are not read", yaml: staticPod("kube-controller-manager", ["--enable-admission-plugins=NodeRestriction"]) },
  ],
  invalid: [
    {
      name: "static pod: a list without the plugin",
      yaml: staticPod("kube-apiserver", ["--enable-admission-plugins=NodeRestriction"]),
      errors: [
        {
          messageId: "wrongValue",
          data: { where: 'container "kube-apiserver"', value: "NodeRestriction", fix: `set --enable-admission-plugins=${PLUGINS}` },
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 53,
          message: 'kube-apiserver in container "kube-apiserver" runs with --enable-admission-plugins=NodeRestriction; it should be a list that includes ImagePolicyWebhook',
        },
      ],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["enable-admission-plugins", "NodeRestriction"]]),
      errors: [{ messageId: "wrongValue", data: { ...kubeadm, fix: `set enable-admission-plugins: "${PLUGINS}" under apiServer.extraArgs` }, line: 5, column: 5, endLine: 5, endColumn: 48 }],
    },
    {
      name: "kubeadm without extraArgs: its default --enable-admission-plugins=NodeRestriction lacks the plugin",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "wrongValue", data: { ...kubeadm, fix: `set {name: enable-admission-plugins, value: "${PLUGINS}"} under apiServer.extraArgs` }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: 'container "kube-apiserver"', fix: "--enable-admission-plugins=ImagePolicyWebhook" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
