import apiserverServiceAccountIssuerMissing from "../../../rules/control-plane/apiserver-service-account-issuer-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { clusterConfiguration, staticPod } from "./forms.js";

testRule(apiserverServiceAccountIssuerMissing, {
  valid: [
    { name: "static pod: --service-account-issuer=https://kubernetes.default.svc.cluster.local", yaml: staticPod("kube-apiserver", ["--service-account-issuer=https://kubernetes.default.svc.cluster.local"]) },
    { name: "kubeadm v1beta3", yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-issuer", "https://kubernetes.default.svc.cluster.local"]]) },
    { name: "kubeadm v1beta4", yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-issuer", "https://kubernetes.default.svc.cluster.local"]]) },
    { name: "kubeadm without extraArgs: its default --service-account-issuer=https://kubernetes.default.svc.cluster.local counts as set", yaml: clusterConfiguration("v1beta4", "apiServer") },
    { name: "another program's flags are not read", yaml: staticPod("kube-proxy", ["--service-account-issuer="]) },
    { name: "an API server older than 1.20, where the flag is optional", yaml: staticPod("kube-apiserver", ["--v=2"]).replace("v1.33.0", "v1.16.2") },
    { name: "kubeadm for Kubernetes 1.19", yaml: clusterConfiguration("v1beta3", "apiServer").replace("kind: ClusterConfiguration", "kind: ClusterConfiguration\nkubernetesVersion: v1.19.0") },
  ],
  invalid: [
    {
      name: "static pod: --service-account-issuer=",
      yaml: staticPod("kube-apiserver", ["--service-account-issuer="]),
      errors: [{ messageId: "wrongValue", data: { where: "container \"kube-apiserver\"", value: "", fix: "set --service-account-issuer=https://kubernetes.default.svc.cluster.local" }, line: 10, column: 11, endLine: 10, endColumn: 36 }],
    },
    {
      name: "kubeadm v1beta3: the extraArgs key",
      yaml: clusterConfiguration("v1beta3", "apiServer", [["service-account-issuer", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set service-account-issuer: \"https://kubernetes.default.svc.cluster.local\" under apiServer.extraArgs" }, line: 5, column: 5, endLine: 5, endColumn: 31 }],
    },
    {
      name: "kubeadm v1beta4: the value of the list item",
      yaml: clusterConfiguration("v1beta4", "apiServer", [["service-account-issuer", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "ClusterConfiguration apiServer.extraArgs", value: "", fix: "set {name: service-account-issuer, value: \"https://kubernetes.default.svc.cluster.local\"} under apiServer.extraArgs" }, line: 6, column: 7, endLine: 6, endColumn: 16 }],
    },
    {
      name: "static pod without the flag: at command",
      yaml: staticPod("kube-apiserver", ["--v=2"]),
      errors: [{ messageId: "missing", data: { where: "container \"kube-apiserver\"", fix: "--service-account-issuer=https://kubernetes.default.svc.cluster.local" }, line: 8, column: 7, endLine: 8, endColumn: 15 }],
    },
  ],
});
