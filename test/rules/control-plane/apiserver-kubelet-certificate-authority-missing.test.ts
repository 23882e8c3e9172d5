import apiserverKubeletCertificateAuthorityMissing from "../../../rules/control-plane/apiserver-kubelet-certificate-authority-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverKubeletCertificateAuthorityMissing, {
  valid: [
    { name: "static pod: --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt", yaml: staticPod("kube-apiserver", ["--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-certificate-authority", "/etc/kubernetes/pki/ca.crt"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-certificate-authority", "/etc/kubernetes/pki/ca.crt"]]) },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--kubelet-certificate-authority="]) },
  ],
  invalid: [
    {
      name: "static pod: --kubelet-certificate-authority=",
      yaml: staticPod("kube-apiserver", ["--kubelet-certificate-authority="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt" }, line: 10, column: 11, endLine: 10, endColumn: 43 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["kubelet-certificate-authority", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set kubelet-certificate-authority: \"/etc/kubernetes/pki/ca.crt\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 38 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["kubelet-certificate-authority", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: kubelet-certificate-authority, value: \"/etc/kubernetes/pki/ca.crt\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--kubelet-certificate-authority=/etc/kubernetes/pki/ca.crt" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
    {
      name: "kubeadm v1beta4 without the flag, which kubeadm does not set: at extraArgs",
      yaml: clusterConfiguration("v1beta4", "apiServer"),
      errors: [{ messageId: "missing", data: { where: "ClusterConfiguration apiServer.extraArgs", fix: "{name: kubelet-certificate-authority, value: \"/etc/kubernetes/pki/ca.crt\"} under apiServer.extraArgs" }, line: 4, column: 3, endLine: 4, endColumn: 16 }],
    },
  ],
});
