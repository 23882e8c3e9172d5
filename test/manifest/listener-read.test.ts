import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { constructFromEvents, parseEvents } from "js-yaml";
import { describe, expect, it } from "vitest";
import { readWithListener } from "../../src/manifest/listener-read.js";
import { packEvents, type EventStream } from "../../src/manifest/locate.js";
import { KUBERNETES_SCHEMA, MAX_DEPTH } from "../../src/manifest/yaml-schema.js";

/** The reader parse.ts uses when listener-read.ts gives up: js-yaml 5's events, packed, and its constructor. */
function readWithEvents(text: string): { stream: EventStream; documents: unknown[] } | "error" {
  try {
    const events = parseEvents(text, { maxDepth: MAX_DEPTH });
    const documents = constructFromEvents(events, { source: text, schema: KUBERNETES_SCHEMA });
    return { stream: packEvents(text, 0, events), documents };
  } catch {
    return "error";
  }
}

/** Reads `text` both ways; when the listener reads it, both must agree exactly. Returns whether it did. */
function readsAlike(text: string): boolean {
  const fast = readWithListener(text, 0);
  if (!fast) return false;
  const full = readWithEvents(text);
  expect(full, "js-yaml 5 refuses what the listener read").not.toBe("error");
  if (full === "error") return true;
  expect({ ...fast.stream, data: Array.from(fast.stream.data) }).toStrictEqual({ ...full.stream, data: Array.from(full.stream.data) });
  expect(fast.documents).toStrictEqual(full.documents);
  return true;
}

function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found.push(...yamlFilesUnder(file));
    else if (/\.(ya?ml|json)$/i.test(name)) found.push(file);
  }
  return found;
}

describe("differential", () => {
  it("probe", () => {
    const files = [...yamlFilesUnder("fixtures"), ...(existsSync("../shared/corpus") ? yamlFilesUnder("../shared/corpus") : [])];
    let fast = 0;
    const failures: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      try {
        if (readsAlike(text)) fast++;
      } catch (error) {
        failures.push(`${file}: ${String(error).slice(0, 300)}`);
      }
    }
    console.log(`${fast} of ${files.length} read by the listener`);
    expect(failures).toEqual([]);
  });
});
