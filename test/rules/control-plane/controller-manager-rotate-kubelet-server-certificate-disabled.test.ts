import controllerManagerRotateKubeletServerCertificateDisabled from "../../../rules/control-plane/controller-manager-rotate-kubelet-server-certificate-disabled.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(controllerManagerRotateKubeletServerCertificateDisabled, {
  valid: [
    { name: "static pod: --feature-gates=RotateKubeletServerCertificate=true", yaml: staticPod("kube-controller-manager", ["--feature-gates=RotateKubeletServerCertificate=true"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "controllerManager", [["feature-gates", "RotateKubeletServerCertificate=true"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "controllerManager", [["feature-gates", "RotateKubeletServerCertificate=true"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-controller-manager", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "controllerManager") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--feature-gates=RotateKubeletServerCertificate=false"]) },
  ],
  invalid: [
    {
      name: "static pod: --feature-gates=RotateKubeletServerCertificate=false",
      yaml: staticPod("kube-controller-manager", ["--feature-gates=RotateKubeletServerCertificate=false"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-controller-manager\"", value: "RotateKubeletServerCertificate=false", fix: "set --feature-gates=RotateKubeletServerCertificate=true" }, line: 10, column: 11, endLine: 10, endColumn: 63 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "controllerManager", [["feature-gates", "RotateKubeletServerCertificate=false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "RotateKubeletServerCertificate=false", fix: "set feature-gates: \"RotateKubeletServerCertificate=true\" under controllerManager.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 58 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "controllerManager", [["feature-gates", "RotateKubeletServerCertificate=false"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration controllerManager.extraArgs", value: "RotateKubeletServerCertificate=false", fix: "set {name: feature-gates, value: \"RotateKubeletServerCertificate=true\"} under controllerManager.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 52 }],
    },
  ],
});
