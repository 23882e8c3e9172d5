import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import { ConfigError } from "../../src/config/model.js";
import { activeRules, createLinter, lintObjects } from "../../src/engine/engine.js";
import { defineRule, type Rule } from "../../src/engine/rule.js";
import type { RuleMeta } from "../../src/core/rule-meta.js";
import { parseManifest } from "../../src/manifest/parse.js";
import { FILE_START, type K8sObject } from "../../src/core/types.js";

const meta = <const M extends Record<string, string>>(id: string, messages: M, extra: Partial<Omit<RuleMeta, "messages" | "options">> = {}): Omit<RuleMeta, "messages" | "options"> & { messages: M } => ({
  id,
  title: id,
  severity: "medium",
  category: "workload",
  rationale: "r",
  remediation: "f",
  frameworks: [],
  equivalents: {},
  messages,
  ...extra,
});

/** Reports `spec.replicas` when it is above the `max` option. */
const tooManyReplicas = defineRule({
  meta: {
    ...meta("too-many-replicas", { tooMany: "{{label}} {{replicas}} > {{max}}." }),
    options: {
      max: { type: "number", description: "largest allowed", default: 3 },
      names: { type: "string[]", description: "names it applies to", default: [] },
      strict: { type: "boolean", description: "also flag equal", default: false },
      label: { type: "string", description: "message label", default: "replicas" },
    },
  },
  *check(object, { options }) {
    const replicas = (object.body.spec as { replicas?: unknown } | undefined)?.replicas;
    if (options.names.length > 0 && !options.names.includes(object.name)) return;
    if (typeof replicas === "number" && (replicas > options.max || (options.strict && replicas === options.max))) {
      yield { path: ["spec", "replicas"], messageId: "tooMany", data: { label: options.label, replicas, max: options.max } };
    }
  },
});

const alwaysThrows = defineRule({
  meta: meta("always-throws", { never: "never said." }),
  check() {
    throw new Error("boom");
  },
});

/** Cross-object, as a deferred report: a Service whose selector matches no Deployment of the run. */
const orphanService = defineRule({
  meta: meta("orphan-service", { noMatch: "no match." }),
  lookupKinds: ["Deployment"],
  *check(object) {
    if (object.kind !== "Service") return;
    const { namespace, name } = object;
    yield { path: ["spec", "selector"], settle: (index) => (index.find("Deployment", namespace, name) ? undefined : { messageId: "noMatch" }) };
  },
});

const RULES: Rule[] = [tooManyReplicas, alwaysThrows, orphanService];

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 5
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  replicas: 3
---
apiVersion: v1
kind: Service
metadata: {name: lonely}
spec:
  selector: {app: lonely}
`;

function lint(configText: string, rules: Rule[] = RULES): string[] {
  const config = parseConfig(configText, ".kubeward.yaml", rules);
  const { objects } = parseManifest("m.yaml", MANIFEST);
  return lintObjects(objects, activeRules(rules, config.rules)).map((f) => `${f.ruleId}@${f.region.startLine} ${f.severity} ${f.message}`);
}

describe("lintObjects", () => {
  it("runs per-object and cross-object rules; a rule that throws becomes a rule-error finding and the others still run", () => {
    expect(lint("")).toEqual([
      "kubeward/rule-error@1 high Rule always-throws failed on this input (boom); other rules still ran. Please report it.",
      "too-many-replicas@5 medium replicas 5 > 3.",
      "kubeward/rule-error@7 high Rule always-throws failed on this input (boom); other rules still ran. Please report it.",
      "kubeward/rule-error@13 high Rule always-throws failed on this input (boom); other rules still ran. Please report it.",
      "orphan-service@17 medium no match.",
    ]);
  });

  it("applies configured options over the defaults, and severities", () => {
    const config = "rules:\n  always-throws: off\n  orphan-service: low\n  too-many-replicas:\n    severity: high\n    options: {max: 2, strict: true, names: [web, api], label: count}\n";
    expect(lint(config)).toEqual(["too-many-replicas@5 high count 5 > 2.", "too-many-replicas@11 high count 3 > 2.", "orphan-service@17 low no match."]);
    expect(lint("rules:\n  always-throws: off\n  orphan-service: off\n  too-many-replicas: {options: {max: 3, strict: true}}\n")).toEqual([
      "too-many-replicas@5 medium replicas 5 > 3.",
      "too-many-replicas@11 medium replicas 3 > 3.",
    ]);
  });

  it("runs a rule that is off by default only when the config turns it on", () => {
    const hygiene = defineRule({
      meta: meta("hygiene", { tidy: "tidy up." }, { enabledByDefault: false }),
      *check(object) {
        if (object.kind === "Service") yield { path: ["spec"], messageId: "tidy" };
      },
    });
    expect(lint("", [hygiene])).toEqual([]);
    expect(lint("rules:\n  hygiene: {options: {}}\n", [hygiene])).toEqual([]);
    expect(lint("rules:\n  hygiene: on\n", [hygiene])).toEqual(["hygiene@16 medium tidy up."]);
    expect(lint("rules:\n  hygiene: low\n", [hygiene])).toEqual(["hygiene@16 low tidy up."]);
    expect(lint("rules:\n  hygiene: {enabled: true}\n", [hygiene])).toEqual(["hygiene@16 medium tidy up."]);
  });

  it("reports the same finding once", () => {
    const twice = defineRule({
      meta: meta("twice", { same: "same." }),
      *check(object) {
        if (object.kind === "Service") {
          yield { path: ["spec"], messageId: "same" };
          yield { path: ["spec"], messageId: "same" };
        }
      },
    });
    expect(lint("", [twice])).toEqual(["twice@16 medium same."]);
  });

  it("keeps apart findings of one build that differ only in their Kustomize provenance, and keeps it on deferred ones", () => {
    const unlocated = (object: K8sObject): K8sObject => ({
      ...object,
      origin: { ...object.origin, kustomization: "overlay", scope: "kustomize:overlay" },
      locate: () => ({
        file: "overlay/kustomization.yaml",
        region: FILE_START,
        provenance: { values: [], kustomize: { kind: "kustomization-only", object: { apiVersion: object.apiVersion, kind: object.kind, name: object.name } } },
        ignores: new Map(),
      }),
    });
    const objects = parseManifest("m.yaml", MANIFEST).objects.filter((object) => object.kind === "Deployment").map(unlocated);
    const sameWords = defineRule({
      meta: meta("same-words", { same: "same.", settled: "settled." }),
      *check() {
        yield { path: ["spec"], messageId: "same" };
        yield { path: ["metadata"], settle: () => ({ messageId: "settled" }) };
      },
    });
    const findings = lintObjects(objects, activeRules([sameWords], {}));
    // The build gave web first; where all else is equal, findings are sorted by their provenance.
    expect(findings.map((f) => `${f.message} ${f.provenance?.kustomize?.kind === "kustomization-only" ? f.provenance.kustomize.object.name : "none"}`)).toEqual([
      "same. api",
      "same. web",
      "settled. api",
      "settled. web",
    ]);
  });
});

describe("rule options in the config file", () => {
  const errorOf = (text: string): string => {
    try {
      parseConfig(text, ".kubeward.yaml", RULES);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as ConfigError).describe();
    }
    throw new Error("expected a ConfigError");
  };

  it("checks each option's type and names the place", () => {
    expect(errorOf("rules:\n  too-many-replicas:\n    options:\n      max: lots\n")).toBe('.kubeward.yaml:4:12: option "max" of "too-many-replicas" must be a number');
    expect(errorOf("rules:\n  too-many-replicas:\n    options:\n      names: web\n")).toBe('.kubeward.yaml:4:14: option "names" of "too-many-replicas" must be a list of strings');
    expect(errorOf("rules:\n  too-many-replicas:\n    options:\n      strict: 1\n")).toBe('.kubeward.yaml:4:15: option "strict" of "too-many-replicas" must be a boolean');
    expect(errorOf("rules:\n  too-many-replicas:\n    options:\n      maximum: 1\n")).toBe(
      '.kubeward.yaml:4:7: rule "too-many-replicas" has no option "maximum" (options: max, names, strict, label)',
    );
    expect(errorOf("rules:\n  too-many-replicas:\n    options: [max]\n")).toBe('.kubeward.yaml:3:14: options of "too-many-replicas" must be a mapping');
  });

  it("accepts on/off/true/false and severities as shorthand", () => {
    const config = parseConfig("rules:\n  too-many-replicas: on\n  always-throws: false\n  orphan-service: critical\n", "c.yaml", RULES);
    expect(config.rules).toEqual({ "too-many-replicas": { enabled: true }, "always-throws": { enabled: false }, "orphan-service": { enabled: true, severity: "critical" } });
  });

  it("an empty config file is an empty config", () => {
    expect(parseConfig("", "c.yaml", RULES)).toMatchObject({ include: [], exclude: [], rules: {} });
    expect(parseConfig("# nothing yet\n", "c.yaml", RULES)).toMatchObject({ rules: {} });
  });
});

/** Deferred: a Deployment must name a ConfigMap that some object of the same run defines. */
const missingConfig = defineRule({
  meta: meta("missing-config", { absent: "{{name}} names ConfigMap {{wanted}}, which is not here." }),
  lookupKinds: ["ConfigMap"],
  *check(object) {
    const wanted = (object.body.spec as { configName?: unknown } | undefined)?.configName;
    if (object.kind !== "Deployment" || typeof wanted !== "string") return;
    const { name } = object;
    yield {
      path: ["spec", "configName"],
      settle: (others) => (others.find("ConfigMap", undefined, wanted) ? undefined : { messageId: "absent", data: { name, wanted } }),
    };
  },
});

const DEFERRED_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  configName: settings
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  configName: absent
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
`;

describe("deferred reports", () => {
  const lintDeferred = (text: string, rules: Rule[]) =>
    lintObjects(parseManifest("d.yaml", text).objects, activeRules(rules, {})).map(
      (f) => `${f.ruleId}@${f.region.startLine}:${f.region.startColumn} ${f.message}`,
    );

  it("settles against objects read later in the run, at the place located when the object was linted", () => {
    expect(lintDeferred(DEFERRED_MANIFEST, [missingConfig])).toEqual(["missing-config@11:3 api names ConfigMap absent, which is not here."]);
  });

  it("sees only objects of the same scope", () => {
    const linterObjects = parseManifest("d.yaml", DEFERRED_MANIFEST).objects.map((object) =>
      object.kind === "ConfigMap" ? { ...object, origin: { ...object.origin, scope: "chart:other" } } : object,
    );
    const findings = lintObjects(linterObjects, activeRules([missingConfig], {}));
    expect(findings.map((f) => `${f.region.startLine} ${f.message}`)).toEqual([
      "5 web names ConfigMap settings, which is not here.",
      "11 api names ConfigMap absent, which is not here.",
    ]);
  });

  it("locates a settled finding's related places in the objects they name, and lowers its severity when asked, never raises it", () => {
    const configuredBy = defineRule({
      meta: meta("configured-by", { uses: "{{name}} uses ConfigMap {{wanted}}." }, { severity: "high" }),
      lookupKinds: ["ConfigMap"],
      *check(object) {
        const wanted = (object.body.spec as { configName?: unknown } | undefined)?.configName;
        if (object.kind !== "Deployment" || typeof wanted !== "string") return;
        const { name } = object;
        yield {
          path: ["spec", "configName"],
          settle: (others) => {
            const config = others.find("ConfigMap", undefined, wanted);
            if (!config) return { messageId: "uses", data: { name, wanted }, lowerTo: "critical" };
            return { messageId: "uses", data: { name, wanted }, lowerTo: "low", related: [{ object: config, path: ["metadata", "name"], message: "defined here" }] };
          },
        };
      },
    });
    const findings = lintObjects(parseManifest("d.yaml", DEFERRED_MANIFEST).objects, activeRules([configuredBy], {}));
    expect(findings.map((f) => [f.region.startLine, f.severity, f.related])).toEqual([
      [5, "low", [{ file: "d.yaml", region: { startLine: 15, startColumn: 12, endLine: 15, endColumn: 26 }, message: "defined here" }]],
      [11, "high", undefined],
    ]);
  });

  it("reports settled findings that share a once-per-scope key once per scope, at the first object linted", () => {
    const noConfigInScope = defineRule({
      meta: meta("no-config-in-scope", { none: "no ConfigMap among the linted objects ({{name}} first)." }),
      lookupKinds: ["ConfigMap"],
      *check(object) {
        if (object.kind !== "Deployment") return;
        const { name } = object;
        yield { path: ["metadata"], settle: (others) => (others.ofKind("ConfigMap").length ? undefined : { messageId: "none", data: { name }, oncePerScope: "" }) };
      },
    });
    const objects = parseManifest("d.yaml", DEFERRED_MANIFEST).objects.filter((object) => object.kind === "Deployment");
    const inTwoScopes = objects.map((object, i) => ({ ...object, origin: { ...object.origin, scope: `chart:${String(i)}` } }));
    const lint = (list: K8sObject[]) => lintObjects(list, activeRules([noConfigInScope], {})).map((f) => `${f.region.startLine} ${f.message}`);
    expect(lint(objects)).toEqual(["3 no ConfigMap among the linted objects (web first)."]);
    expect(lint(inTwoScopes)).toEqual(["3 no ConfigMap among the linted objects (web first).", "9 no ConfigMap among the linted objects (api first)."]);
  });

  it("turns a settle that throws into a rule-error at the finding's place; other findings stay", () => {
    const throwsLater = defineRule({
      meta: meta("throws-later", { never: "never said." }),
      *check(object) {
        if (object.kind === "Deployment") yield { path: ["spec"], settle: () => { throw new Error("late boom"); } };
      },
    });
    expect(lintDeferred(DEFERRED_MANIFEST, [throwsLater, missingConfig])).toEqual([
      "kubeward/rule-error@4:1 Rule throws-later failed on this input (late boom); other rules still ran. Please report it.",
      "kubeward/rule-error@10:1 Rule throws-later failed on this input (late boom); other rules still ran. Please report it.",
      "missing-config@11:3 api names ConfigMap absent, which is not here.",
    ]);
  });
});


describe("examined rules", () => {
  const nothing = { never: "never said." } as const;
  const checksServices = defineRule({ meta: meta("checks-services", nothing), examines: (object) => object.kind === "Service", check: () => [] });
  const checksPods = defineRule({ meta: meta("checks-pods", nothing, { category: "pod-security" }), check: () => [] });
  const checksRoles = defineRule({ meta: meta("checks-roles", nothing, { category: "rbac" }), check: () => [] });
  const checksAnything = defineRule({ meta: meta("checks-anything", nothing), check: () => [] });
  const brokenExamines = defineRule({
    meta: meta("broken-examines", nothing),
    examines: () => {
      throw new Error("boom");
    },
    check: () => [],
  });
  const rules = [checksServices, checksPods, checksRoles, checksAnything, brokenExamines];

  function examined(text: string): string[] {
    const linter = createLinter(activeRules(rules, {}));
    linter.lint(parseManifest("e.yaml", text).objects);
    linter.finish();
    return [...linter.examined()].sort();
  }

  it("names the rules that met an object they check: their own examines, their category's, else any object", () => {
    const podAndService = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: [{name: a, image: a}]\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n";
    expect(examined(podAndService)).toEqual(["broken-examines", "checks-anything", "checks-pods", "checks-services"]);
    expect(examined(MANIFEST)).toEqual(["broken-examines", "checks-anything", "checks-services"]);
    expect(examined("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n")).toEqual(["broken-examines", "checks-anything"]);
    expect(examined("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\n")).toEqual(["broken-examines", "checks-anything", "checks-roles"]);
  });

  it("names none when there is no object", () => {
    expect(examined("")).toEqual([]);
  });
});
