import { defineRule, describeContainer, POD_SPEC_OBJECTS } from "../../src/engine/api.js";
import { declaredPorts } from "./ports.js";

export default defineRule({
  meta: {
    id: "privileged-port",
    title: "Container declares a port below 1024",
    severity: "low",
    category: "workload",
    rationale:
      "Ports below 1024 are privileged on Linux: binding one has traditionally needed root or the NET_BIND_SERVICE capability, which a " +
      "hardened container (non-root, all capabilities dropped) does not have. Teams that enforce that hardening keep every container " +
      "port at 1024 or above and map the well-known port in the Service (`port: 80`, `targetPort: 8080`), so that no container needs " +
      "either. containerd 2.0 and later let unprivileged processes bind any port inside the pod's own network namespace, " +
      "and no standard asks for this, so the rule is off by default; turn it on to enforce such a policy.",
    remediation:
      "Have the process listen on a port of 1024 or above (e.g. 8080 instead of 80) and change `containerPort` to match; keep the " +
      "well-known port for clients in the Service's `port`, with `targetPort` naming the new container port.",
    enabledByDefault: false,
    frameworks: [{ framework: "PCI-DSS", control: "2.2" }, { framework: "NSA-CISA", control: "pod-security/non-root-containers" }],
    equivalents: { kubeLinter: ["privileged-ports"], trivy: ["KSV117"] },
    messages: {
      privilegedPort: "{{container}} declares port {{port}}, below 1024; use a port of 1024 or above and map it in the Service.",
    },
    example: {
      bad: "containers:\n  - name: web\n    image: web:1.0\n    ports:\n      - containerPort: 80",
      good: "containers:\n  - name: web\n    image: web:1.0\n    ports:\n      - containerPort: 8080",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const { container, port, path } of declaredPorts(object)) {
      if (port < 1 || port >= 1024) continue;
      yield { path, messageId: "privilegedPort", data: { container: describeContainer(container), port } };
    }
  },
});
