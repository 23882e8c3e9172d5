import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { activeRules, lintObjects } from "../../src/engine/engine.js";
import { checksField } from "../../src/engine/shape.js";
import { parseManifest } from "../../src/manifest/parse.js";
import { BUILTIN_RULES } from "../../src/registry.js";
import { manifestFiles } from "../helpers/files.js";
import type { K8sObject, PathSegment } from "../../src/core/types.js";

const root = path.resolve(import.meta.dirname, "../..");
const corpus = path.resolve(root, "../shared/corpus/manifests");


/**
 * The object with a body that notes every field read from it, as a path with list indexes kept:
 * what the rules really read, whatever helper they read it through.
 */
function recording(object: K8sObject, reads: Set<string>): K8sObject {
  const wrap = (value: unknown, at: readonly PathSegment[]): unknown => {
    if (typeof value !== "object" || value === null) return value;
    return new Proxy(value, {
      get(target, key, receiver) {
        const child: unknown = Reflect.get(target, key, receiver);
        if (typeof key === "symbol" || (Array.isArray(target) && !/^\d+$/.test(key))) return child;
        if (!Array.isArray(target) && !Object.hasOwn(target, key) && typeof child === "function") return child;
        const next = [...at, Array.isArray(target) ? Number(key) : key];
        reads.add(JSON.stringify(next));
        return wrap(child, next);
      },
    });
  };
  return { ...object, body: wrap(object.body, []) as K8sObject["body"] };
}

const everyRuleOn = Object.fromEntries(BUILTIN_RULES.map((rule) => [rule.meta.id, { enabled: true }]));

describe("the field-type check covers what the rules read", () => {
  const files = [...manifestFiles(path.join(root, "fixtures")), ...manifestFiles(corpus)];
  if (!existsSync(corpus)) it.skip("../shared/corpus is absent: only fixtures/ are read");

  it("every field a rule reads from a workload or object metadata is one kubeward/invalid-field-type checks", () => {
    const unchecked = new Map<string, string>();
    for (const file of files) {
      for (const object of parseManifest(path.relative(root, file), readFileSync(file, "utf8")).objects) {
        const reads = new Set<string>();
        lintObjects([recording(object, reads)], activeRules(BUILTIN_RULES, everyRuleOn));
        for (const read of reads) {
          const fieldPath = JSON.parse(read) as PathSegment[];
          if (!checksField(object, fieldPath)) unchecked.set(`${object.kind} ${fieldPath.map((s) => (typeof s === "number" ? "[]" : s)).join(".")}`, path.relative(root, file));
        }
      }
    }
    expect(files.length).toBeGreaterThan(0);
    expect([...unchecked].map(([field, file]) => `${field} (read in ${file})`).sort()).toEqual([]);
  });
});
