import apiserverKubeletClientCertificateMissing from "../../../rules/control-plane/apiserver-kubelet-client-certificate-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverKubeletClientCertificateMissing, {
  valid: [
    { name: "static pod: --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt", yaml: staticPod("kube-apiserver", ["--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-client-certificate", "/etc/kubernetes/pki/apiserver-kubelet-client.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-client-certificate", "/etc/kubernetes/pki/apiserver-kubelet-client.crt"]]) },
    { name: "kubeadm without extraArgs: its default --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--kubelet-client-certificate="]) },
  ],
  invalid: [
    {
      name: "static pod: --kubelet-client-certificate=",
      yaml: staticPod("kube-apiserver", ["--kubelet-client-certificate="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt" }, line: 10, column: 11, endLine: 10, endColumn: 40 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-client-certificate", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set kubelet-client-certificate: \"/etc/kubernetes/pki/apiserver-kubelet-client.crt\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 35 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-client-certificate", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: kubelet-client-certificate, value: \"/etc/kubernetes/pki/apiserver-kubelet-client.crt\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
