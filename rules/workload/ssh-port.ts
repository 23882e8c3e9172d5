import { defineRule, describeContainer, POD_SPEC_OBJECTS } from "../../src/engine/api.js";
import { declaredPorts } from "./ports.js";

export default defineRule({
  meta: {
    id: "ssh-port",
    title: "Container declares the SSH port 22",
    severity: "low",
    category: "workload",
    rationale:
      "Port 22 usually means an SSH server in the container: a second way in that bypasses `kubectl exec` and its RBAC and audit " +
      "logging, often with keys or passwords baked into the image. Git servers and SFTP services expose SSH on purpose; anything else " +
      "deserves a look. No standard asks for this check and legitimate SSH services are common, so the rule is off by default.",
    remediation:
      "Remove the SSH server from the image and use `kubectl exec` or `kubectl debug` for access. For a service whose purpose is SSH " +
      "(a Git or SFTP server), keep it, review how its keys are provisioned, and suppress the finding with a reason.",
    enabledByDefault: false,
    frameworks: [{ framework: "PCI-DSS", control: "2.2" }, { framework: "MITRE-ATT&CK", control: "T1133" }],
    equivalents: { kubeLinter: ["ssh-port"] },
    messages: {
      sshPort: "{{container}} declares port 22, the SSH port; remove the SSH server unless SSH is the service's purpose.",
    },
    example: {
      bad: "containers:\n  - name: app\n    image: app:1.0\n    ports:\n      - name: ssh\n        containerPort: 22",
      good: "containers:\n  - name: app\n    image: app:1.0\n    ports:\n      - name: http\n        containerPort: 8080",
    },
  },
  appliesTo: POD_SPEC_OBJECTS,
  *check(object) {
    for (const { container, port, protocol, path } of declaredPorts(object)) {
      if (port !== 22 || protocol !== "TCP") continue;
      yield { path, messageId: "sshPort", data: { container: describeContainer(container) } };
    }
  },
});
