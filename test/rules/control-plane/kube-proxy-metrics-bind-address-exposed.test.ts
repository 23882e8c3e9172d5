import rule from "../../../rules/control-plane/kube-proxy-metrics-bind-address-exposed.js";
import { testRule } from "../../helpers/rule-tester.js";
import { staticPod } from "./forms.js";

/** A KubeProxyConfiguration whose body starts on line 3. */
const proxyConfig = (body = ""): string => `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\n${body}`;
const config = { where: "KubeProxyConfiguration", setting: "metricsBindAddress" };

testRule(rule, {
  valid: [
    {
      name: "loopback addresses, the default (left out or empty) in a KubeProxyConfiguration",
      yaml: [`metricsBindAddress: 127.0.0.1:10249\n`, `metricsBindAddress: "[::1]:10249"\n`, `metricsBindAddress: ""\n`, "mode: ipvs\n"].map(proxyConfig).join("---\n"),
    },
    {
      name: "loopback or empty (the server off) on the command line; a flag beside --config, which kube-proxy ignores",
      yaml: `${staticPod("kube-proxy", ["--metrics-bind-address=127.0.0.1:10249"])}---\n${staticPod("kube-proxy", ["--metrics-bind-address="])}---\n${staticPod("kube-proxy", ["--config=/var/lib/kube-proxy/config.conf", "--metrics-bind-address=0.0.0.0:10249"])}`,
    },
    {
      name: "another API group's KubeProxyConfiguration, another program's flag",
      yaml: `apiVersion: example.com/v1\nkind: KubeProxyConfiguration\nmetricsBindAddress: 0.0.0.0:10249\n---\n${staticPod("kube-scheduler", ["--metrics-bind-address=0.0.0.0:10249"])}`,
    },
  ],
  invalid: [
    {
      name: "every interface (IPv4, IPv6, no host) and a node address in a KubeProxyConfiguration",
      yaml: [`metricsBindAddress: 0.0.0.0:10249\n`, `metricsBindAddress: "[::]:10249"\n`, `metricsBindAddress: ":10249"\n`, `metricsBindAddress: 10.0.0.5\n`].map(proxyConfig).join("---\n"),
      errors: [
        {
          messageId: "exposed",
          data: { ...config, value: "0.0.0.0:10249" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 34,
          message: "KubeProxyConfiguration sets metricsBindAddress to 0.0.0.0:10249, so kube-proxy's unauthenticated metrics and /configz endpoints listen beyond the node's loopback address; set it to 127.0.0.1:10249.",
        },
        { messageId: "exposed", data: { ...config, value: "[::]:10249" }, line: 7, column: 1, endLine: 7, endColumn: 33 },
        { messageId: "exposed", data: { ...config, value: ":10249" }, line: 11, column: 1, endLine: 11, endColumn: 29 },
        { messageId: "exposed", data: { ...config, value: "10.0.0.5" }, line: 15, column: 1, endLine: 15, endColumn: 29 },
      ],
    },
    {
      name: "every interface on a command line without --config",
      yaml: staticPod("kube-proxy", ["--metrics-bind-address=0.0.0.0:10249"]),
      errors: [{ messageId: "exposed", data: { where: 'container "kube-proxy"', setting: "--metrics-bind-address", value: "0.0.0.0:10249" }, line: 10, column: 11, endLine: 10, endColumn: 47 }],
    },
  ],
});
