import { componentFlagsOf, defineRule, effectiveSetting, isKubeProxyConfiguration, runsProgram, type Path } from "../../src/engine/api.js";

const runsKubeProxy = runsProgram("kube-proxy");

/** The host of a `host:port`, `[v6]:port`, bare IPv6 or bare host address; "" for `:port`, every interface. */
function hostOf(address: string): string {
  if (address.startsWith("[")) return address.slice(1, address.indexOf("]"));
  const colons = address.split(":").length - 1;
  if (colons > 1) return address;
  return colons === 1 ? address.slice(0, address.indexOf(":")) : address;
}

function isLoopback(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === "::1" || host === "localhost";
}

export default defineRule({
  meta: {
    id: "kube-proxy-metrics-bind-address-exposed",
    title: "kube-proxy serves its metrics beyond the node's loopback address",
    severity: "medium",
    category: "control-plane",
    rationale:
      "kube-proxy's metrics server answers `/metrics`, `/configz` (its whole configuration) and, with `enableProfiling`, the pprof " +
      "handlers over plain HTTP without authentication. `metricsBindAddress` in a KubeProxyConfiguration " +
      "(kubeproxy.config.k8s.io/v1alpha1) and `--metrics-bind-address` on its command line default to `127.0.0.1:10249`, loopback " +
      "only; `0.0.0.0:10249`, `[::]:10249`, `:10249` or a node address open it to every pod and host that can reach the node (kube-proxy " +
      "runs in the host network). Only a loopback host (127.0.0.0/8, ::1, localhost) passes, as in the CIS Benchmark's test (4.3.1); an " +
      "empty value keeps the default in a config file and turns the server off on the command line. kube-proxy ignores its flags when " +
      "`--config` is given, so a command line with `--config` is left to the file. A KubeProxyConfiguration embedded as text in a " +
      "ConfigMap (kubeadm's `kube-proxy` ConfigMap) is not read.",
    remediation:
      "Remove `metricsBindAddress` (or `--metrics-bind-address`), or set it to `127.0.0.1:10249`. To scrape kube-proxy from Prometheus, " +
      "run a proxy on the node that serves `/metrics` with authentication (kube-rbac-proxy) instead of opening the port.",
    frameworks: [{ framework: "CIS", control: "4.3.1" }, { framework: "PCI-DSS", control: "2.2" }],
    equivalents: {},
    messages: {
      exposed: "{{where}} sets {{setting}} to {{value}}, so kube-proxy's unauthenticated metrics and /configz endpoints listen beyond the node's loopback address; set it to 127.0.0.1:10249.",
    },
    example: {
      bad: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: 0.0.0.0:10249",
      good: "apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmetricsBindAddress: 127.0.0.1:10249",
    },
  },
  examines: (object) => isKubeProxyConfiguration(object) || componentFlagsOf(object).some((flags) => flags.program === "kube-proxy"),
  appliesTo: { podSpec: true, kinds: ["KubeProxyConfiguration"], when: (object) => isKubeProxyConfiguration(object) || runsKubeProxy(object) },
  *check(object) {
    const found: Array<{ where: string; setting: string; value: string; path: Path }> = [];
    if (isKubeProxyConfiguration(object) && typeof object.body.metricsBindAddress === "string") {
      found.push({ where: "KubeProxyConfiguration", setting: "metricsBindAddress", value: object.body.metricsBindAddress, path: ["metricsBindAddress"] });
    }
    for (const flags of componentFlagsOf(object)) {
      if (flags.program !== "kube-proxy" || flags.settings("config", false).length > 0) continue;
      const set = effectiveSetting(flags.settings("metrics-bind-address", false));
      if (set) found.push({ where: flags.where, setting: "--metrics-bind-address", value: set.value, path: set.path });
    }
    for (const { path, value, ...data } of found) {
      if (value !== "" && !isLoopback(hostOf(value))) yield { path, messageId: "exposed", data: { ...data, value } };
    }
  },
});
