import rule from "../../../rules/control-plane/kubelet-client-ca-missing.js";
import { testRule } from "../../helpers/rule-tester.js";
import { kubeadmInit, kubeletConfig, kubeletExtraArgs, kubeletPod } from "./manifests.js";

const config = { where: "KubeletConfiguration", setting: "authentication.x509.clientCAFile" };
const configFix = { ...config, value: "unset", fix: "authentication.x509.clientCAFile: /etc/kubernetes/pki/ca.crt" };

testRule(rule, {
  valid: [
    { name: "a client CA in a KubeletConfiguration", yaml: kubeletConfig("authentication:\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n") },
    { name: "kubeadm fills in the cluster CA for a KubeletConfiguration in its config file", yaml: `${kubeadmInit}${kubeletConfig()}` },
    { name: "kubeadm fills an empty one too", yaml: `${kubeletConfig('authentication:\n  x509:\n    clientCAFile: ""\n')}---\napiVersion: kubeadm.k8s.io/v1beta3\nkind: ClusterConfiguration\n` },
    { name: "on the command line, as `--flag value`", yaml: kubeletPod("kubelet", "--client-ca-file", "/etc/kubernetes/pki/ca.crt") },
    { name: "a command line with --config leaves it to the file", yaml: kubeletPod("kubelet", "--config", "/var/lib/kubelet/config.yaml") },
    {
      name: "kubeadm kubeletExtraArgs set to /etc/kubernetes/pki/ca.crt (v1beta3, v1beta4), or left out: the kubelet then reads kubeadm's config file",
      yaml: `${kubeletExtraArgs("v1beta3", [["client-ca-file", "/etc/kubernetes/pki/ca.crt"]])}---\n${kubeletExtraArgs("v1beta4", [["client-ca-file", "/etc/kubernetes/pki/ca.crt"]], "JoinConfiguration")}---\n${kubeletExtraArgs("v1beta4", [["v", "2"]])}`,
    },
  ],
  invalid: [
    {
      name: "a KubeletConfiguration on its own: its kind line, or the deepest parent written",
      yaml: `${kubeletConfig()}---\n${kubeletConfig("authentication:\n  x509: {}\n")}`,
      errors: [
        { messageId: "missing", data: configFix, line: 2, column: 1, endLine: 2, endColumn: 27, message: "KubeletConfiguration does not set authentication.x509.clientCAFile, so it is unset" },
        { messageId: "missing", data: configFix, line: 7, column: 3, endLine: 7, endColumn: 11 },
      ],
    },
    {
      name: "an empty path; a look-alike kubeadm kind of another API group does not bring kubeadm's defaults",
      yaml: `apiVersion: example.com/v1\nkind: InitConfiguration\n---\n${kubeletConfig('authentication:\n  x509:\n    clientCAFile: ""\n')}`,
      errors: [{ messageId: "wrongValue", data: { ...config, value: '""' }, line: 8, column: 5, endLine: 8, endColumn: 21 }],
    },
    {
      name: "a command line without --config and without the flag",
      yaml: kubeletPod("kubelet"),
      errors: [{ messageId: "missing", data: { where: 'container "kubelet"', setting: "--client-ca-file", value: "unset", fix: "--client-ca-file=/etc/kubernetes/pki/ca.crt" }, line: 10, column: 11, endLine: 10, endColumn: 19 }],
    },
    {
      name: "kubeadm v1beta3 kubeletExtraArgs: the key",
      yaml: kubeletExtraArgs("v1beta3", [["client-ca-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "client-ca-file", value: '""' }, line: 5, column: 5, endLine: 5, endColumn: 23 }],
    },
    {
      name: "kubeadm v1beta4 kubeletExtraArgs: the value of the list item",
      yaml: kubeletExtraArgs("v1beta4", [["v", "2"], ["client-ca-file", ""]]),
      errors: [{ messageId: "wrongValue", data: { where: "InitConfiguration nodeRegistration.kubeletExtraArgs", setting: "client-ca-file", value: '""' }, line: 8, column: 7, endLine: 8, endColumn: 16 }],
    },
  ],
});
