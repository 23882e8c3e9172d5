import { existsSync } from "node:fs";
import type * as Sarif from "sarif";
import { describe, expect, it } from "vitest";
import { jsonFindings, repoRoot, runCli, tools, toolsEnv, type JsonFinding } from "../e2e/cli-harness.js";

const dir = "fixtures/policies";
const objects = `${dir}/objects`;

async function lint(args: string[], env?: Record<string, string | undefined>): Promise<JsonFinding[]> {
  const result = await runCli(["lint", "--format", "json", "--fail-on", "none", ...args], { cwd: repoRoot, env });
  expect(result.stderr).toBe("");
  return jsonFindings(result.stdout);
}

/** `file:line:column rule severity message` of the findings of policies and custom rules. */
function policyFindings(findings: readonly JsonFinding[], file?: string): string[] {
  return findings
    .filter((f) => /^(vap|acme)\//.test(f.rule) && (file === undefined || f.file === file))
    .map((f) => `${f.file}:${f.region.startLine}:${f.region.startColumn} ${f.rule} ${f.severity} ${f.message}`)
    .sort();
}

/** The same verdict from the policy (as the API server words a denial) and from the custom rule. */
function both(name: string, file: string, line: number, column: number, message: string, severity = "high"): string[] {
  const policy = `${name}.acme.example.com`;
  return [
    `${objects}/${file}.yaml:${line}:${column} acme/${name} ${severity} ${message}`,
    `${objects}/${file}.yaml:${line}:${column} vap/${policy} high ValidatingAdmissionPolicy '${policy}' with binding '${name}-binding.acme.example.com' denied request: ${message}`,
  ];
}

describe("policies and custom rules: 16 real-world policies, each as a ValidatingAdmissionPolicy and as a custom rule", async () => {
  const findings = await lint([objects, "--policies", `${dir}/vap`, "--rules", `${dir}/rules`]);
  const cases: Array<[string, string[]]> = [
    ["require-labels", both("require-labels", "require-labels", 41, 3, "Deployments must carry the labels app.kubernetes.io/name and team")],
    ["forbid-latest", both("forbid-latest", "forbid-latest", 58, 11, "container app uses the latest tag")],
    ["require-limits", both("require-limits", "require-limits", 60, 11, "every container must set cpu and memory limits")],
    ["run-as-non-root", both("run-as-non-root", "run-as-non-root", 55, 9, "the pod template must set securityContext.runAsNonRoot: true")],
    ["required-probes", both("required-probes", "required-probes", 57, 11, "every container needs a readinessProbe and a livenessProbe")],
    ["read-only-root-fs", both("read-only-root-fs", "read-only-root-fs", 64, 11, "every container must set securityContext.readOnlyRootFilesystem: true")],
    ["image-pull-policy", both("image-pull-policy", "image-pull-policy", 59, 11, "imagePullPolicy must be Always")],
    [
      "host-namespaces",
      [...both("host-namespaces", "host-namespaces", 17, 3, "hostNetwork is not allowed"), ...both("host-namespaces", "host-namespaces", 18, 3, "hostPID is not allowed")],
    ],
    ["privileged", both("privileged", "privileged", 23, 9, "privileged containers are not allowed")],
    ["allowed-capabilities", both("allowed-capabilities", "allowed-capabilities", 25, 11, "containers may add only the NET_BIND_SERVICE capability")],
    ["no-nodeport", both("no-nodeport", "no-nodeport", 19, 3, "NodePort services are not allowed; use a LoadBalancer or an Ingress")],
    ["ingress-tls", both("ingress-tls", "ingress-tls", 27, 1, "Ingress plain-http must configure spec.tls")],
    ["namespaces", both("namespace-owner", "namespaces", 13, 3, "namespaces must carry an owner label")],
    ["allowed-registries", both("allowed-registries", "allowed-registries", 58, 11, "images must come from registry.acme.example.com or ghcr.io/acme: docker.io/library/nginx:1.27")],
    [
      // Replica bounds from a ConfigMap (params) for the policy, constants for the rule; a Deployment
      // without replicas has one, and the finding sits at spec (replicas is not written).
      "replica-bounds",
      [
        ...both("replica-bounds", "replica-bounds", 45, 3, "spec.replicas must be between 2 and 10, not 1", "medium"),
        ...both("replica-bounds", "replica-bounds", 79, 1, "spec.replicas must be between 2 and 10, not 1", "medium"),
        ...prodHa("replica-bounds", 45),
        ...prodHa("replica-bounds", 79, 1),
      ],
    ],
    [
      // Namespaces labelled environment: prod (namespaceSelector; namespaceObject for the rule), with validationActions Warn.
      "prod-ha",
      [...both("replica-bounds", "prod-ha", 45, 3, "spec.replicas must be between 2 and 10, not 1", "medium"), ...both("replica-bounds", "prod-ha", 80, 3, "spec.replicas must be between 2 and 10, not 1", "medium"), ...prodHa("prod-ha", 45)],
    ],
  ];
  it.each(cases)("%s", (file, expected) => {
    expect(policyFindings(findings, `${objects}/${file}.yaml`)).toEqual([...expected].sort());
  });

  it("related locations name the policy's expression and the binding's validationActions", () => {
    const finding = findings.find((f) => f.rule === "vap/no-nodeport.acme.example.com");
    expect(finding?.related.map((r) => `${r.file}:${r.region.startLine}:${r.region.startColumn} ${r.message}`)).toEqual([
      `${dir}/vap/no-nodeport.yaml:14:7 ValidatingAdmissionPolicy 'no-nodeport.acme.example.com'`,
      `${dir}/vap/no-nodeport.yaml:24:3 binding 'no-nodeport-binding.acme.example.com' (Deny)`,
    ]);
  });
});

function prodHa(file: string, line: number, column = 3): string[] {
  const message = "deployments in production namespaces run at least 2 replicas";
  return [
    `${objects}/${file}.yaml:${line}:${column} acme/prod-ha medium ${message}`,
    `${objects}/${file}.yaml:${line}:${column} vap/prod-ha.acme.example.com medium Validation failed for ValidatingAdmissionPolicy 'prod-ha.acme.example.com' with binding 'prod-ha-binding.acme.example.com': ${message}`,
  ];
}

describe("the Kubernetes documentation's ValidatingAdmissionPolicy examples give the verdicts it states", () => {
  const docs = `${dir}/k8s-docs`;
  const cases: Array<[string, string[]]> = [
    [
      // A Deployment of 6 replicas in a namespace labelled environment: test is denied; in another namespace, or with 3, it is not.
      "basic",
      [`${docs}/basic/objects.yaml:13:1 vap/demo-policy.example.com high ValidatingAdmissionPolicy 'demo-policy.example.com' with binding 'demo-binding-test.example.com' denied request: failed expression: object.spec.replicas <= 5`],
    ],
    [
      "params",
      [
        `${docs}/params/objects.yaml:8:1 vap/replicalimit-policy.example.com high ValidatingAdmissionPolicy 'replicalimit-policy.example.com' with binding 'replicalimit-binding-test.example.com' denied request: failed expression: object.spec.replicas <= params.maxReplicas (reason Invalid)`,
      ],
    ],
    [
      "message-expression",
      [
        `${docs}/message-expression/objects.yaml:1:1 vap/deploy-replica-policy.example.com high ValidatingAdmissionPolicy 'deploy-replica-policy.example.com' with binding 'demo-binding-test.example.com' denied request: object.spec.replicas must be no greater than 3`,
      ],
    ],
    [
      "namespace-environment",
      [
        `${docs}/namespace-environment/objects.yaml:9:1 vap/image-matches-namespace-environment.policy.example.com high ValidatingAdmissionPolicy 'image-matches-namespace-environment.policy.example.com' with binding 'demo-binding-test.example.com' denied request: only prod images are allowed in namespace default`,
      ],
    ],
    [
      // kube-system and canary Deployments are not matched; the third is denied.
      "match-conditions",
      [`${docs}/match-conditions/objects.yaml:1:1 vap/demo-policy.example.com high ValidatingAdmissionPolicy 'demo-policy.example.com' with binding 'demo-binding.example.com' denied request: failed expression: object.spec.replicas <= 100`],
    ],
    [
      // Above 50 replicas the annotation is recorded; at 129 the validation fails too, audited (a note).
      "audit-annotations",
      [
        `${docs}/audit-annotations/objects.yaml:1:1 vap/demo-policy.example.com low ValidatingAdmissionPolicy 'demo-policy.example.com' adds the audit annotation demo-policy.example.com/high-replica-count: Deployment spec.replicas set to 128`,
        `${docs}/audit-annotations/objects.yaml:39:1 vap/demo-policy.example.com low ValidatingAdmissionPolicy 'demo-policy.example.com' adds the audit annotation demo-policy.example.com/high-replica-count: Deployment spec.replicas set to 129`,
        `${docs}/audit-annotations/objects.yaml:39:1 vap/demo-policy.example.com low ValidatingAdmissionPolicy 'demo-policy.example.com' with binding 'demo-binding.example.com' would be recorded in the audit log: failed expression: object.spec.replicas <= 128`,
      ],
    ],
    [
      "failure-policy-ignore",
      [
        `${docs}/failure-policy-ignore/objects.yaml:1:1 vap/fail-policy.example.com high ValidatingAdmissionPolicy 'fail-policy.example.com' with binding 'fail-binding.example.com' denied request: expression 'object.spec.xyz == 1' resulted in error: no such key: xyz`,
        `${docs}/failure-policy-ignore/objects.yaml:1:1 vap/ignore-policy.example.com low validations[0] of ValidatingAdmissionPolicy 'ignore-policy.example.com' failed and failurePolicy is Ignore: expression 'object.spec.xyz == 1' resulted in error: no such key: xyz`,
      ],
    ],
    [
      // request.userInfo and authorizer are not guessed: the policy or the validation is not evaluated, and says so.
      "unknowable",
      [
        `${docs}/unknowable/objects.yaml:1:1 vap/breakglass.example.com high ValidatingAdmissionPolicy 'breakglass.example.com' with binding 'breakglass-binding.example.com' denied request: deployments need labels`,
        `${docs}/unknowable/objects.yaml:1:1 vap/user-aware.example.com low ValidatingAdmissionPolicy 'user-aware.example.com' is not evaluated on Deployment "apps/web": \`!("system:nodes" in request.userInfo.groups)\` (spec.matchConditions[0].expression) cannot be evaluated`,
        `${docs}/unknowable/policy.yaml:16:7 vap/user-aware.example.com low ValidatingAdmissionPolicy 'user-aware.example.com': spec.matchConditions[0].expression reads \`request.userInfo\` (who makes the request), which kubeward cannot know offline, so it is not evaluated`,
        `${docs}/unknowable/policy.yaml:32:7 vap/breakglass.example.com low ValidatingAdmissionPolicy 'breakglass.example.com': spec.validations[0].expression reads \`authorizer\` (the requester's permissions), which kubeward cannot know offline, so it is not evaluated`,
        `${docs}/unknowable/policy.yaml:55:3 vap/unbound.example.com low ValidatingAdmissionPolicy 'unbound.example.com' has no ValidatingAdmissionPolicyBinding among the inputs or --policies; Kubernetes runs only bound policies, so it checks nothing`,
      ],
    ],
  ];
  it.each(cases)("%s", async (example, expected) => {
    expect(policyFindings(await lint([`${docs}/${example}`]))).toEqual(expected);
  });
});

describe("what the inputs cannot decide is a note, never a guess", () => {
  it("a namespace (said once for its objects) or params object not among the inputs, a binding of a missing policy", async () => {
    const undecidable = `${dir}/undecidable`;
    expect(policyFindings(await lint([undecidable]))).toEqual([
      `${undecidable}/deployment.yaml:1:1 vap/max-replicas low binding 'max-replicas' of ValidatingAdmissionPolicy 'max-replicas' takes ConfigMap (v1) "policy-params/replica-limits" as params, which is not among the inputs or --policies, so Deployment "shop/web" is not evaluated (in the cluster, parameterNotFoundAction Allow would allow it if none exists)`,
      `${undecidable}/deployment.yaml:1:1 vap/prod-only low namespace "shop" is not among the inputs, so whether the namespaceSelector of ValidatingAdmissionPolicy 'prod-only' (binding 'prod-only') selects its objects is unknown; they are not evaluated (reported once, at Deployment "shop/web")`,
      `${undecidable}/deployment.yaml:20:1 vap/max-replicas low binding 'max-replicas' of ValidatingAdmissionPolicy 'max-replicas' takes ConfigMap (v1) "policy-params/replica-limits" as params, which is not among the inputs or --policies, so Deployment "shop/worker" is not evaluated (in the cluster, parameterNotFoundAction Allow would allow it if none exists)`,
      `${undecidable}/policies.yaml:63:3 vap/not-here low binding 'orphan' names ValidatingAdmissionPolicy 'not-here', which is not among the inputs or --policies, so nothing is evaluated for it`,
    ]);
  });

  it("a custom kind is matched by its lower-case plural, said once; Warn with Audit is a warning", async () => {
    const file = `${dir}/custom-kind/widgets.yaml`;
    const warning = "vap/widget-size medium Validation failed for ValidatingAdmissionPolicy 'widget-size' with binding 'widget-size': failed expression: object.spec.size <= 3";
    expect(policyFindings(await lint([file]))).toEqual([
      `${file}:25:1 vap/widget-size low ValidatingAdmissionPolicy 'widget-size' matches kind Widget (acme.example.com/v1) as the resource "widgets": kubeward knows the resource names of the built-in kinds and takes a custom kind's to be its lower-case plural; if the CustomResourceDefinition names it otherwise, the policy does not apply to it`,
      `${file}:30:3 ${warning}`,
      `${file}:38:3 ${warning}`,
    ]);
  });
});

const haveTools = existsSync(tools.helm4) && existsSync(tools.kubectl);

describe.skipIf(!haveTools)("fieldPath through Helm templates and Kustomize patches", () => {
  const policies = ["--policies", `${dir}/vap/replica-bounds.yaml`, "--policies", `${dir}/vap/allowed-registries.yaml`];

  it("points at the template line and names the values key that set it", async () => {
    const findings = await lint([`${dir}/helm/shop`, ...policies], toolsEnv());
    const template = `${dir}/helm/shop/templates/deployment.yaml`;
    const replicas = findings.find((f) => f.rule === "vap/replica-bounds.acme.example.com");
    expect(replicas).toMatchObject({ file: template, region: { startLine: 9, startColumn: 3 } });
    expect(replicas?.message).toBe(
      "ValidatingAdmissionPolicy 'replica-bounds.acme.example.com' with binding 'replica-bounds-binding.acme.example.com' denied request: spec.replicas must be between 2 and 10, not 1 (value `replicaCount` from fixtures/policies/helm/shop/values.yaml:1).",
    );
    expect(findings.find((f) => f.rule === "vap/allowed-registries.acme.example.com")).toMatchObject({ file: template, region: { startLine: 20, startColumn: 11 } });
  });

  it("points at the patch that set the field", async () => {
    const findings = await lint([`${dir}/kustomize/overlays/prod`, ...policies], toolsEnv());
    const patch = `${dir}/kustomize/overlays/prod/replicas.yaml`;
    expect(policyFindings(findings)).toEqual([
      `${patch}:11:11 vap/allowed-registries.acme.example.com high ValidatingAdmissionPolicy 'allowed-registries.acme.example.com' with binding 'allowed-registries-binding.acme.example.com' denied request: images must come from registry.acme.example.com or ghcr.io/acme: ghcr.io/other/api:2.0.1`,
      `${patch}:6:3 vap/replica-bounds.acme.example.com high ValidatingAdmissionPolicy 'replica-bounds.acme.example.com' with binding 'replica-bounds-binding.acme.example.com' denied request: spec.replicas must be between 2 and 10, not 12`,
    ]);
  });
});

describe("policy and custom rules are rules like the others", () => {
  it("are in the SARIF rule metadata", async () => {
    const result = await runCli(["lint", `${dir}/k8s-docs/basic`, "--rules", `${dir}/rules`, "--format", "sarif", "--fail-on", "none"], { cwd: repoRoot });
    const log = JSON.parse(result.stdout) as Sarif.Log;
    const rules = log.runs[0].tool.driver.rules ?? [];
    expect(rules.find((rule) => rule.id === "vap/demo-policy.example.com")?.shortDescription?.text).toBe("ValidatingAdmissionPolicy demo-policy.example.com");
    expect(rules.find((rule) => rule.id === "acme/no-nodeport")?.shortDescription?.text).toBe("Services are not NodePort");
    expect(log.runs[0].results?.some((r) => r.ruleId === "vap/demo-policy.example.com")).toBe(true);
  });

  it("are listed by `kubeward rules` and documented by `kubeward rules ID`", async () => {
    const list = await runCli(["rules", "--rules", `${dir}/rules`], { cwd: repoRoot });
    expect(list.stdout).toMatch(/^acme\/no-nodeport +high\/error/m);
    const doc = await runCli(["rules", "acme/no-nodeport", "--rules", `${dir}/rules`], { cwd: repoRoot });
    expect(doc.stdout).toContain("Services are not NodePort");
  });
});
