import { defineRule, arrayOf, recordOf, describeContainer, workloadContainers } from "../../src/engine/api.js";

export default defineRule({
  meta: {
    id: "host-port",
    title: "Container binds a port on the node",
    severity: "high",
    category: "pod-security",
    rationale:
      "A hostPort opens a port on the node's own addresses, bypassing Services and most network policies, and lets the " +
      "pod intercept traffic meant for the node. The Pod Security Standards baseline profile allows only `hostPort: 0` " +
      "or none (Pod Security Admission supports no allow-list).",
    remediation: "Remove `ports[].hostPort` (or set it to `0`) and expose the container through a Service (NodePort or LoadBalancer if it must be reachable from outside).",
    frameworks: [
      { framework: "PSS", control: "baseline/host-ports" },
      { framework: "CIS", control: "5.2.13" },
      { framework: "PCI-DSS", control: "2.2" },
      { framework: "NSA-CISA", control: "pod-security/pod-security-enforcement" },
    ],
    equivalents: { polaris: ["hostPortSet"], checkov: ["CKV_K8S_26"], trivy: ["KSV024"] },
    messages: { bindsHostPort: "{{container}} binds port {{port}} on the node (hostPort)." },
    example: {
      bad: "containers:\n  - name: web\n    image: web:1.0\n    ports:\n      - containerPort: 8080\n        hostPort: 80",
      good: "containers:\n  - name: web\n    image: web:1.0\n    ports:\n      - containerPort: 8080",
    },
  },
  *check(object) {
    for (const container of workloadContainers(object)) {
      for (const [index, port] of arrayOf(container.container.ports).entries()) {
        const { hostPort } = recordOf(port);
        if (typeof hostPort !== "number" || hostPort === 0) continue;
        yield {
          path: [...container.path, "ports", index, "hostPort"],
          messageId: "bindsHostPort",
          data: { container: describeContainer(container), port: hostPort },
        };
      }
    }
  },
});
