import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config/model.js";
import { loadRunConfig } from "../../src/options.js";
import { jsonFindings, removeTempDirs, repoRoot, runCli, tempDir } from "../e2e/cli-harness.js";

afterAll(removeTempDirs);

const RULE = `  - id: acme/no-nodeport
    title: Services are not NodePort
    severity: high
    match:
      kinds: [Service]
    validations:
      - expression: "!has(object.spec.type) || object.spec.type != 'NodePort'"
        message: NodePort services are not allowed
        fieldPath: spec.type
`;

/** The configuration error `customRules:` (and any `--rules` folder files) give, as `file:line:column: message`. */
async function configError(config: string, ruleFiles: Record<string, string> = {}): Promise<string> {
  const dir = tempDir({ ".kubeward.yaml": config, ...Object.fromEntries(Object.entries(ruleFiles).map(([name, text]) => [`rules/${name}`, text])) });
  try {
    await loadRunConfig(dir, undefined, Object.keys(ruleFiles).length ? ["rules"] : []);
  } catch (error) {
    if (error instanceof ConfigError) return error.describe().replace(`${dir}${path.sep}`, "");
    throw error;
  }
  throw new Error("no configuration error");
}

describe("custom rule configuration errors name the file, line and column (inside the expression)", () => {
  it.each([
    [
      "a syntax error in a plain scalar, at the character CEL names",
      "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    validations:\n      - expression: object.spec.replicas <= 5 &&\n",
      '.kubeward.yaml:6:47: custom rule "acme/x": validations[0].expression is not valid CEL: syntax error: found & but expecting end of input',
    ],
    [
      "in a double-quoted scalar (the quote is not part of the expression)",
      'customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    validations:\n      - expression: "object.spec.replicas < 5 && undefinedVar"\n',
      ".kubeward.yaml:6:50: custom rule \"acme/x\": validations[0].expression is not valid CEL: undeclared reference to 'undefinedVar'",
    ],
    [
      "on the second line of a block scalar",
      "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    validations:\n      - expression: |\n          has(object.spec) &&\n            object.spec.x.frobnicate()\n",
      ".kubeward.yaml:8:27: custom rule \"acme/x\": validations[0].expression is not valid CEL: unsupported function 'frobnicate': kubeward's CEL environment does not provide it (function frobnicate)",
    ],
    [
      "in a variable",
      "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    variables:\n      - name: v\n        expression: object.foo(\n    validations:\n      - expression: variables.v\n",
      '.kubeward.yaml:7:27: custom rule "acme/x": variable "v" is not valid CEL: syntax error: found . but expecting end of input',
    ],
    [
      "an unknown field",
      "customRules:\n  - id: acme/x\n    title: X\n    severty: low\n",
      '.kubeward.yaml:4:5: unknown custom rule field "severty"; expected id, title, severity, message, messageExpression, match, variables, validations, fieldPath, frameworks, rationale, remediation',
    ],
    ["a wrong type", "customRules:\n  - id: acme/x\n    title: X\n    severity: [high]\n", ".kubeward.yaml:4:15: severity must be one of critical, high, medium, low"],
    ["match.kinds not a list", "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    validations:\n      - expression: 'true'\n    match:\n      kinds: Deployment\n", ".kubeward.yaml:8:14: match.kinds must be a list of strings"],
    ["no validations", "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n", ".kubeward.yaml:2:5: a custom rule needs validations"],
    [
      "a fieldPath that is not one",
      "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    validations:\n      - expression: 'true'\n        fieldPath: spec.containers[x].image\n",
      '.kubeward.yaml:7:36: fieldPath "spec.containers[x].image": a field path index must be a number or a quoted key, not "x"',
    ],
    [
      "a framework control kubeward does not know",
      "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    frameworks: [{framework: CIS, control: '99.9'}]\n    validations:\n      - expression: 'true'\n",
      '.kubeward.yaml:5:18: CIS has no control "99.9" that kubeward knows (see docs/frameworks.md)',
    ],
    [
      "the id of a built-in rule",
      "customRules:\n  - id: privileged-container\n    title: X\n    severity: low\n    validations:\n      - expression: 'true'\n",
      '.kubeward.yaml:2:9: custom rule id "privileged-container" is the id of a built-in rule; choose another (e.g. a prefix such as acme/)',
    ],
    ["an id that is not lower-case words", "customRules:\n  - id: Acme_X\n    title: X\n    severity: low\n    validations:\n      - expression: 'true'\n", '.kubeward.yaml:2:9: custom rule id "Acme_X" must be lower-case words joined by "-" (groups separated by "/"), e.g. acme/require-team-label'],
  ])("%s", async (_, config, expected) => {
    expect(await configError(config)).toBe(expected);
  });

  it("an id defined in the config and in a --rules file names both places", async () => {
    expect(await configError(`customRules:\n${RULE}`, { "nodeport.yaml": RULE.replace(/^ {2}- /, "").replace(/^ {4}/gm, "") })).toBe(
      '.kubeward.yaml:2:9: custom rule id "acme/no-nodeport" is defined twice (first at rules/nodeport.yaml:1:5)',
    );
  });

  it("a --rules file's error names that file", async () => {
    expect(await configError("", { "bad.yaml": "id: acme/bad\ntitle: Bad\nseverity: low\nvalidations:\n  - expression: object.spec.replicas <=\n" })).toBe(
      'rules/bad.yaml:5:38: custom rule "acme/bad": validations[0].expression is not valid CEL: syntax error: found < but expecting end of input',
    );
  });

  it("exits 2 on the command line", async () => {
    const dir = tempDir({ ".kubeward.yaml": "customRules:\n  - id: acme/x\n    title: X\n    severity: low\n    validations:\n      - expression: object.spec.replicas <=\n", "svc.yaml": "" });
    const result = await runCli(["lint", "svc.yaml"], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`kubeward: configuration error: ${path.join(dir, ".kubeward.yaml")}:6:42: custom rule "acme/x": validations[0].expression is not valid CEL: syntax error: found < but expecting end of input\n`);
  });
});

const SERVICES = `apiVersion: v1
kind: Service
metadata:
  name: node-port
spec:
  type: NodePort
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: ignored
spec:
  type: NodePort # kubeward-ignore acme/no-nodeport, vap/no-nodeport.example.com -- exposed on purpose
  ports:
    - port: 80
`;

const POLICY = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata:
  name: no-nodeport.example.com
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: [""]
        apiVersions: ["v1"]
        operations: ["CREATE"]
        resources: ["services"]
  validations:
    - expression: "object.spec.type != 'NodePort'"
      fieldPath: spec.type
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata:
  name: no-nodeport
spec:
  policyName: no-nodeport.example.com
  validationActions: [Deny]
`;

async function lintWith(settings: string, args: string[] = [], rule = RULE): Promise<string[]> {
  const dir = tempDir({ ".kubeward.yaml": `${settings}customRules:\n${rule}`, "services.yaml": SERVICES, "policies/no-nodeport.yaml": POLICY });
  const result = await runCli(["lint", "services.yaml", "--policies", "policies", "--format", "json", "--fail-on", "none", ...args], { cwd: dir });
  expect(result.stderr).toBe("");
  return jsonFindings(result.stdout)
    .filter((f) => /^(vap|acme)\//.test(f.rule))
    .map((f) => `${f.region.startLine}:${f.region.startColumn} ${f.rule} ${f.severity}${f.suppressed ? ` suppressed (${f.suppression?.reason ?? ""})` : ""}`);
}

describe("custom and policy rules obey the settings built-in rules do", () => {
  it("report at fieldPath, and honour kubeward-ignore comments", async () => {
    expect(await lintWith("")).toEqual([
      "6:3 acme/no-nodeport high",
      "6:3 vap/no-nodeport.example.com high",
      "15:3 acme/no-nodeport high suppressed (exposed on purpose)",
      "15:3 vap/no-nodeport.example.com high suppressed (exposed on purpose)",
    ]);
  });

  it("take a severity or off in rules:, written before or after customRules:", async () => {
    expect(await lintWith("rules:\n  acme/no-nodeport: low\n  vap/no-nodeport.example.com: off\n")).toEqual(["6:3 acme/no-nodeport low", "15:3 acme/no-nodeport low suppressed (exposed on purpose)"]);
  });

  it("are selected by --framework through their frameworks tags", async () => {
    // The rule serves no framework, nor does a policy: selecting one leaves both out.
    expect(await lintWith("", ["--framework", "nsa"])).toEqual([]);
    const tagged = RULE.replace("    severity: high\n", "    severity: high\n    frameworks: [{framework: PSS, control: baseline/host-ports}]\n");
    expect(await lintWith("", ["--framework", "pss-baseline"], tagged)).toEqual(["6:3 acme/no-nodeport high", "15:3 acme/no-nodeport high suppressed (exposed on purpose)"]);
  });
});

describe("docs/custom-rules.md", () => {
  it("its example configuration is valid and defines the rule it sets", async () => {
    const doc = readFileSync(path.join(repoRoot, "docs/custom-rules.md"), "utf8");
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
    const dir = tempDir({ ".kubeward.yaml": example });
    const { config, rules } = await loadRunConfig(dir, undefined);
    expect(rules.at(-1)?.meta).toMatchObject({ id: "acme/replica-bounds", severity: "medium", category: "custom" });
    expect(config.rules["acme/replica-bounds"]).toEqual({ enabled: true, severity: "low" });
  });
});
