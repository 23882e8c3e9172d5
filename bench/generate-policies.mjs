// Writes 20 ValidatingAdmissionPolicies with their bindings (and params objects) for the benchmark: the 16
// real-world policies of fixtures/policies/vap, and 4 that exercise the rest of the matching machinery over the
// generated corpus: a namespaceSelector, an objectSelector, match conditions, and a wildcard over every resource.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/**
 * @param {string} name
 * @param {string} resources
 * @param {string} spec lines under spec, after matchConstraints
 * @param {string} binding lines under the binding's spec
 */
function policy(name, resources, spec, binding = "") {
  return `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: ${name}.bench.example.com
spec:
  matchConstraints:
    resourceRules:
      - {apiGroups: ["*"], apiVersions: ["*"], operations: ["CREATE", "UPDATE"], resources: [${resources}]}
${spec}---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: ${name}
spec:
  policyName: ${name}.bench.example.com
  validationActions: [Deny]
${binding}`;
}

const SYNTHETIC = {
  "restricted-namespaces": policy(
    "restricted-namespaces",
    '"deployments", "statefulsets", "daemonsets"',
    `  validations:
    - expression: "object.spec.template.spec.containers.all(c, has(c.securityContext) && has(c.securityContext.runAsNonRoot) && c.securityContext.runAsNonRoot)"
      fieldPath: spec.template.spec.containers[0]
`,
    `  matchResources:
    namespaceSelector:
      matchLabels: {pod-security.kubernetes.io/enforce: restricted}
`,
  ),
  "labelled-apps": policy(
    "labelled-apps",
    '"pods", "deployments", "statefulsets", "daemonsets", "cronjobs"',
    `  validations:
    - expression: "object.metadata.name.startsWith('app-')"
`,
    `  matchResources:
    objectSelector:
      matchExpressions: [{key: tier, operator: DoesNotExist}]
`,
  ),
  "cronjob-schedule": policy(
    "cronjob-schedule",
    '"cronjobs"',
    `  matchConditions:
    - name: not-system
      expression: "!object.metadata.namespace.startsWith('kube-')"
  validations:
    - expression: "!object.spec.schedule.startsWith('* ')"
      message: "a CronJob may not run every minute"
      fieldPath: spec.schedule
`,
  ),
  "name-length": policy(
    "name-length",
    '"*"',
    `  variables:
    - name: name
      expression: "object.metadata.name"
  validations:
    - expression: "size(variables.name) <= 63"
      fieldPath: metadata.name
`,
  ),
};

/**
 * Writes the 20 policies into `dir`; returns how many.
 * @param {string} dir
 */
export function generatePolicies(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const fixtures = path.join(root, "fixtures/policies/vap");
  const names = readdirSync(fixtures).filter((name) => name.endsWith(".yaml"));
  for (const name of names) copyFileSync(path.join(fixtures, name), path.join(dir, name));
  for (const [name, text] of Object.entries(SYNTHETIC)) writeFileSync(path.join(dir, `${name}.yaml`), text);
  return names.length + Object.keys(SYNTHETIC).length;
}
