import { defineRule, describeContainer, workloadContainers, recordOf, type Path } from "../../src/engine/api.js";

/** Handlers that can name a host: the three probes and the two lifecycle hooks, each with httpGet or tcpSocket. */
const HANDLERS: readonly Path[] = [
  ["livenessProbe"],
  ["readinessProbe"],
  ["startupProbe"],
  ["lifecycle", "postStart"],
  ["lifecycle", "preStop"],
];
const ACTIONS = ["httpGet", "tcpSocket"] as const;

export default defineRule({
  meta: {
    id: "probe-custom-host",
    title: "Probe or lifecycle hook targets a custom host",
    severity: "medium",
    category: "pod-security",
    rationale:
      "The kubelet runs httpGet and tcpSocket probes and hooks from the node; a `host` field points those requests at any " +
      "address the node can reach (its own localhost services, cloud metadata, other tenants), which turns the kubelet " +
      "into a request forger. The Pod Security Standards baseline profile forbids a non-empty `host` in probes and " +
      "lifecycle hooks from Kubernetes 1.34.",
    remediation:
      "Remove `host` from `httpGet`/`tcpSocket` in `livenessProbe`, `readinessProbe`, `startupProbe` and " +
      "`lifecycle.postStart`/`preStop`, so the kubelet targets the pod's own IP; set an HTTP `Host` header through `httpHeaders` if one is needed.",
    frameworks: [
      { framework: "PSS", control: "baseline/host-probes-lifecycle-hooks" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
    ],
    equivalents: {},
    messages: { customHost: '{{container}} {{handler}} {{action}} targets host "{{host}}".' },
    example: {
      bad: "livenessProbe:\n  httpGet:\n    host: 169.254.169.254\n    path: /latest/meta-data\n    port: 80",
      good: "livenessProbe:\n  httpGet:\n    path: /healthz\n    port: 8080",
    },
  },
  *check(object) {
    for (const container of workloadContainers(object)) {
      for (const handler of HANDLERS) {
        const handlerSpec = handler.reduce<unknown>((value, key) => recordOf(value)[key], container.container);
        for (const action of ACTIONS) {
          const host = recordOf(recordOf(handlerSpec)[action]).host;
          if (typeof host !== "string" || host === "") continue;
          yield {
            path: [...container.path, ...handler, action, "host"],
            messageId: "customHost",
            data: { container: describeContainer(container), handler: handler.join("."), action, host },
          };
        }
      }
    }
  },
});
