import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { constructFromEvents, parseEvents } from "js-yaml";
import { describe, expect, it } from "vitest";
import { readWithListener } from "../../src/manifest/listener-read.js";
import { packEvents, type EventStream } from "../../src/manifest/locate.js";
import { parseManifest } from "../../src/manifest/parse.js";
import { KUBERNETES_SCHEMA, MAX_DEPTH } from "../../src/manifest/yaml-schema.js";
import type { Path, Region } from "../../src/core/types.js";

/** The reader parse.ts uses when listener-read.ts gives up: js-yaml 5's events, packed, and its constructor. */
function readWithEvents(text: string): { stream: EventStream; documents: unknown[] } | "refused" {
  try {
    const events = parseEvents(text, { maxDepth: MAX_DEPTH });
    const documents = constructFromEvents(events, { source: text, schema: KUBERNETES_SCHEMA });
    return { stream: packEvents(text, 0, events), documents };
  } catch {
    return "refused";
  }
}

/** Comparable form of a stream: the typed array as a list. */
function plain(stream: EventStream) {
  return { ...stream, data: Array.from(stream.data) };
}

/**
 * Reads `text` both ways. When the listener reads it, js-yaml 5 must read it too, to the same stream and
 * the same values. Returns whether the listener read it.
 */
function readsAlike(text: string): boolean {
  const fast = readWithListener(text, 0);
  if (!fast) return false;
  const full = readWithEvents(text);
  if (full === "refused") throw new Error(`js-yaml 5 refuses what the listener read: ${JSON.stringify(text)}`);
  expect(plain(fast.stream), JSON.stringify(text)).toStrictEqual(plain(full.stream));
  expect(fast.documents, JSON.stringify(text)).toStrictEqual(full.documents);
  return true;
}

function span(region: Region): string {
  return `${region.startLine}:${region.startColumn}-${region.endLine}:${region.endColumn}`;
}

/** Spans of `paths` in the only object of `text`. */
function spans(text: string, paths: Path[]): string[] {
  const { objects, problems } = parseManifest("test.yaml", text);
  expect(problems).toEqual([]);
  expect(objects).toHaveLength(1);
  return paths.map((p) => span(objects[0].locate(p).region));
}

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

/** Texts the listener reads, grouped by what they exercise. */
const READ: Record<string, string[]> = {
  "scalar styles": [
    "a: plain\nb: 'single'\nc: \"double\"\nd: \"e\\tscaped \\u00e9 \\U0001F600\"\ne: 'it''s'\nf: ''\ng: \"\"\n",
    "a: plain\n  continued\n\n  more\nb: \"multi\n  line\"\nc: 'multi\n\n  line'\nd: \"line\\\n  continued\"\n",
    "a: plain   \nb: 'quoted'   # comment\nc: x#not-a-comment\nd: http://x/#fragment\ne: '#fff'\n",
    "a: |\n  literal\n  text\nb: >\n  folded\n  text\n\n  para\nc: |-\n  strip\n\n\nd: |+\n  keep\n\n\ne: >-\n\n  x\n   more indented\n  z\n",
    "a: |2\n   explicit\n  indent\nb: | # comment\n  x\nc: |\nd: |\n  at the end",
    "a: |\n  x\n# a comment at column 0 ends it\nb: |\n  x\n\n  # inside, not a comment\nc: >\n  x\n---\nd: |\n  ---\n  x\n",
    "- |\n  item\n-  >\n   folded item\n- key: |\n    in a compact mapping\n",
  ],
  "YAML 1.1 values as Kubernetes reads them": [
    "a: yes\nb: No\nc: on\nd: OFF\ne: true\nf: y\ng: ~\nh: null\ni:\n",
    "a: 0644\nb: 0o644\nc: 12:30\nd: 0x1F\ne: 1_000\nf: -0\ng: .inf\nh: .NaN\ni: 1.5e3\nj: 190:20:30\n",
    "1: a\n2.5: b\ntrue: c\nnull: d\n\"quoted key\": e\n'single': f\n__proto__: g\n",
  ],
  "block collections": [
    "a: 1\nb:\n  c: 2\n  d:\n    e: 3\n",
    "- a\n- 'b'\n- \"c\"\n- [1, 2]\n- {x: 1}\n-   spaced\n- a: 1\n  b: 2\n- - x\n  - y\n",
    "key:\n- a\n- b\nother:\n  - c\n",
    "key:\n  value on the next line\nk2:\n  'quoted on the next line'\nk3:\n  [a, b]\nk4:\n  {a: 1}\n",
    "a:\nb:\n-\n  c: 1\n-\n  - x\n- - - deep\n",
    "a : 1\nb  :  2\n\"c\" : 3\n",
  ],
  "flow collections": [
    "{\"a\": 1, \"b\": [true, false, null], \"c\": {\"d\": \"e\"}}\n",
    "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}",
    "[1, 2, 3]\n",
    "a: []\nb: {}\nc: [ ]\nd: { }\ne: [1, 2,]\nf: {x: 1,}\ng: [1, [2, [3]]]\nh: {b: {c: d}}\ni: {b: }\nj: {: v}\n",
    "a: [x # comment\n  , y]\nb: [x\n  , y]\nc: {\"k\":1, \"l\" :2}\nd: [x] # comment\n",
  ],
  "comments between key and value": [
    "key:   # comment\n  value\nk2: # comment\n  sub: 1\nk3:\n  # comment\n  - x\n",
    "# comment\na: 1 # comment\n# comment\nb: 2\n  # indented comment\nc: x\n    # more indented comment after a plain scalar\nd:\n  - x\n    # comment\n  - y\n",
  ],
  documents: [
    "a: 1\n---\nb: 2\n",
    "---\na: 1\n---\nb: 2\n---\n",
    "---\n---\n",
    "---\n# only a comment\n---\na: 1\n",
    "a: 1\n---\n# only a comment\n",
    "# only a comment\n",
    "",
    "\n\n",
    "---\n\"x\"\n---\nplain\n---\n[a]\n",
  ],
  "CRLF line ends": [
    "a: 1\r\nb:\r\n  - x\r\n  - 'y'\r\nc: |\r\n  l1\r\n  l2\r\nd: >\r\n  f\r\n  g\r\ne: \"m\r\n  l\"\r\nf: plain\r\n  cont\r\n---\r\ng: 1\r\n",
  ],
  "other scripts": ["k: \u00e9t\u00e9\nl: [\u00e9, \"\u65e5\u672c\"]\nm: \ud83d\ude00\n"],
};

/** Texts the listener leaves to js-yaml 5, by why. */
const LEFT: Record<string, string[]> = {
  "anchors, aliases and merge keys": ["a: &x 1\nb: *x\n", "base: &b {x: 1}\nc:\n  <<: *b\n", "<<: {a: 1}\nb: 2\n", "a: <<\n"],
  tags: ["a: !!str 1\n", "!!map\na: 1\n", "a: !custom x\n"],
  "explicit keys": ["? a\n: b\n", "a: 1\n? b\n: c\n", "- ? a\n  : b\n"],
  "pairs in flow collections and keys without values": ["a: [b: 1]\n", "a: [? b]\n", "a: {? b: 1}\n", "a: [a, b: c]\n", "a: {b}\n", "a: {b, c: 1}\n"],
  "tabs, byte order marks, directives and document end markers": ["a:\t1\n", "a: \"t\tab\"\n", "\uFEFFa: 1\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n...\n"],
  "what js-yaml 4 reads as a comment and js-yaml 5 does not": ["a: \"x\"#c\n", "a: [x]#c\n", "a: [x,#c\n  y]\n", "a: {\"k\":#c\n  1}\n"],
  "lines indented too little inside brackets and quotes (read as Kubernetes does, by flow-indentation.ts)": ["args: [\n  a\n]\n", "a: \"x\n\"\n"],
  "an empty sequence item": ["-\n- b\n", "- \n- b\n"],
  "a root on the line of `---`, indented, or a block scalar": ["--- a: 1\n", "--- \"x\"\n", "--- |\n  x\n", "  a: 1\n", "|\n  x\n"],
  "a collection as a key": ["[a]: b\n", "{a: 1}: b\n"],
  errors: ["a: 1\na: 2\n", "a: b: c\n", "a: |0\n  x\n", "a: |\n    x\n  y\n", "a: 'x':\n"],
};

describe("reading with js-yaml 4's listener", () => {
  for (const [what, texts] of Object.entries(READ)) {
    it(`reads ${what} to the stream and values js-yaml 5 gives`, () => {
      for (const text of texts) expect(readsAlike(text), JSON.stringify(text)).toBe(true);
    });
  }

  for (const [what, texts] of Object.entries(LEFT)) {
    it(`leaves ${what} to js-yaml 5`, () => {
      for (const text of texts) expect(readWithListener(text, 0), JSON.stringify(text)).toBeUndefined();
    });
  }

  it("keeps a chunk's offset in the file", () => {
    expect(readWithListener("a: 1\n", 120)?.stream.base).toBe(120);
  });

  it("refuses nesting as deep as js-yaml 5 refuses it, by leaving it to js-yaml 5", () => {
    expect(readWithListener(`${"[".repeat(300)}${"]".repeat(300)}\n`, 0)).toBeUndefined();
    expect(readsAlike(`${"[".repeat(100)}${"]".repeat(100)}\n`)).toBe(true);
  });
});

describe("positions of a manifest read by the listener", () => {
  it("marks every scalar style, quotes included, and a block scalar from its key", () => {
    const text = `${HEAD}data:\n  plain: value here  # comment\n  single: 'it''s'\n  double: "a\\tb"\n  literal: |\n    line\n  folded: >-\n    fold\n`;
    expect(readWithListener(text, 0)).toBeDefined();
    expect(spans(text, [["data", "plain"], ["data", "single"], ["data", "double"], ["data", "literal"], ["data", "folded"]])).toEqual([
      "6:3-6:20",
      "7:3-7:18",
      "8:3-8:17",
      "9:3-11:1",
      "11:3-13:1",
    ]);
  });

  it("marks flow collections to their closing bracket, a block collection's key line, and list items", () => {
    const text = `${HEAD}data:\n  flow: {a: [1, 2], b: x}\n  list: [x, "y"]\n  block:\n    - one\n    - two: 2\n`;
    expect(readWithListener(text, 0)).toBeDefined();
    expect(spans(text, [["data", "flow"], ["data", "flow", "a", 1], ["data", "list", 1], ["data", "block"], ["data", "block", 1], ["data", "block", 1, "two"]])).toEqual([
      "6:3-6:26",
      "6:17-6:18",
      "7:13-7:16",
      "8:3-8:9",
      "10:7-10:13",
      "10:7-10:13",
    ]);
  });

  it("marks a value after a comment on the key's line, and keys of later documents and CRLF files", () => {
    const text = `${HEAD}data: # the data\n  key:   # a comment\n    value\n`;
    expect(spans(text, [["data", "key"]])).toEqual(["6:3-7:10"]);
    const crlf = `${HEAD}data:\n  a: "x"\n  b: |\n    y\n`.replace(/\n/g, "\r\n");
    expect(readWithListener(crlf, 0)).toBeDefined();
    expect(spans(crlf, [["data", "a"], ["data", "b"]])).toEqual(["6:3-6:9", "7:3-9:1"]);
    const { objects } = parseManifest("two.yaml", `${HEAD}---\n${HEAD}data:\n  k: v\n`);
    expect(span(objects[1].locate(["data", "k"]).region)).toBe("11:3-11:7");
  });

  it("gives the positions js-yaml 5 gives where the listener leaves the text to it", () => {
    const text = `${HEAD}data:\n\tk: v\n`;
    expect(readWithListener(text, 0)).toBeUndefined();
    expect(parseManifest("tabs.yaml", text).problems.map((p) => [p.message, span(p.region)])).toEqual([
      ["Invalid YAML: tab characters must not be used in indentation. The rest of the file was still read.", "6:1-6:2"],
    ]);
    const anchored = `${HEAD}data:\n  a: &v x\n  b: *v\n`;
    expect(readWithListener(anchored, 0)).toBeUndefined();
    expect(spans(anchored, [["data", "b"]])).toEqual(["7:3-7:8"]);
  });
});

function yamlFilesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) found.push(...yamlFilesUnder(file));
    else if (/\.(ya?ml|json)$/i.test(name)) found.push(file);
  }
  return found;
}

describe("the listener and js-yaml 5 over real files", () => {
  it("read every fixture alike", () => {
    const files = yamlFilesUnder("fixtures");
    const read = files.filter((file) => readsAlike(readFileSync(file, "utf8")));
    expect(read.length).toBeGreaterThan(files.length / 2);
  });

  const corpus = "../shared/corpus";
  it.skipIf(!existsSync(corpus))("read every corpus file alike (skipped without ../shared/corpus)", () => {
    const files = yamlFilesUnder(corpus);
    const read = files.filter((file) => readsAlike(readFileSync(file, "utf8")));
    // Half the corpus files are Helm templates, which are not YAML before they are rendered.
    expect(read.length).toBeGreaterThan(1000);
  });
});
