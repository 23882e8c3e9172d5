import apiserverWeakTlsCipherSuites from "../../../rules/control-plane/apiserver-weak-tls-cipher-suites.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverWeakTlsCipherSuites, {
  valid: [
    { name: "static pod: --tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", yaml: staticPod("kube-apiserver", ["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]]) },
    { name: "static pod without the flag: the default is safe", yaml: staticPod("kube-apiserver", ["--v=2"]) },
    { name: "kubeadm without extraArgs", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"]) },
  ],
  invalid: [
    {
      name: "static pod: --tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA",
      yaml: staticPod("kube-apiserver", ["--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "TLS_RSA_WITH_3DES_EDE_CBC_SHA", fix: "set --tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256" }, line: 10, column: 11, endLine: 10, endColumn: 98 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "TLS_RSA_WITH_3DES_EDE_CBC_SHA", fix: "set tls-cipher-suites: \"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 93 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["tls-cipher-suites", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_3DES_EDE_CBC_SHA"]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "TLS_RSA_WITH_3DES_EDE_CBC_SHA", fix: "set {name: tls-cipher-suites, value: \"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 83 }],
    },
  ],
});
