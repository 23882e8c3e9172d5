/**
 * Tables from the Kubernetes documentation, "Common Expression Language in Kubernetes"
 * (https://kubernetes.io/docs/reference/using-api/cel/), and the godoc it links for each library
 * (k8s.io/apiserver/pkg/cel/library: Lists, Regex; cel-go ext: Strings, Lists, Sets).
 */
import { describe, expect, it } from "vitest";
import { evalError, expectErrors, expectTable, value } from "./helpers.js";

describe("strings extension (cel-go ext.Strings, as Kubernetes enables it)", () => {
  it("evaluates the documented examples", () => {
    expectTable([
      ["'hello'.charAt(4)", "o"],
      ["'hello'.charAt(5)", ""],
      ["'hello mellow'.indexOf('')", 0],
      ["'hello mellow'.indexOf('ello')", 1],
      ["'hello mellow'.indexOf('jello')", -1],
      ["'hello mellow'.indexOf('', 2)", 2],
      ["'hello mellow'.indexOf('ello', 2)", 7],
      ["'hello mellow'.lastIndexOf('')", 12],
      ["'hello mellow'.lastIndexOf('ello')", 7],
      ["'hello mellow'.lastIndexOf('jello')", -1],
      ["'hello mellow'.lastIndexOf('ello', 6)", 1],
      ["'TacoCat'.lowerAscii()", "tacocat"],
      ["'TacoCÆt Xii'.lowerAscii()", "tacocÆt xii"],
      ["'TacoCat'.upperAscii()", "TACOCAT"],
      ["'hello hello'.replace('he', 'we')", "wello wello"],
      ["'hello hello'.replace('he', 'we', -1)", "wello wello"],
      ["'hello hello'.replace('he', 'we', 1)", "wello hello"],
      ["'hello hello'.replace('he', 'we', 0)", "hello hello"],
      ["'hello hello hello'.split(' ')", ["hello", "hello", "hello"]],
      ["'hello hello hello'.split(' ', 0)", []],
      ["'hello hello hello'.split(' ', 1)", ["hello hello hello"]],
      ["'hello hello hello'.split(' ', 2)", ["hello", "hello hello"]],
      ["'hello hello hello'.split(' ', -1)", ["hello", "hello", "hello"]],
      ["'tacocat'.substring(4)", "cat"],
      ["'tacocat'.substring(0, 4)", "taco"],
      ["'  \\ttrim\\n    '.trim()", "trim"],
      ["['hello', 'mellow'].join()", "hellomellow"],
      ["['hello', 'mellow'].join(' ')", "hello mellow"],
      ["[].join()", ""],
      ["[].join('/')", ""],
      ["'this is a string: %s\\nand an integer: %d'.format(['str', 42])", "this is a string: str\nand an integer: 42"],
      ["strings.quote('single-quote with \"double quote\"')", '"single-quote with \\"double quote\\""'],
    ]);
  });

  it("fails on out-of-range arguments instead of crashing", () => {
    expectErrors([
      ["'tacocat'.substring(40)", "out of bounds"],
      ["'hello'.charAt(-1)", "out of bounds"],
    ]);
  });
});

describe("Kubernetes list library", () => {
  it("evaluates the documented examples", () => {
    expectTable([
      ["[1, 2, 3].isSorted()", true],
      ["['a', 'b', 'b', 'c'].isSorted()", true],
      ["[2.0, 1.0].isSorted()", false],
      ["[1].isSorted()", true],
      ["[].isSorted()", true],
      ["[1, 3].sum()", 4],
      ["[1.0, 3.0].sum()", 4],
      ["type([1.0, 3.0].sum()) == double", true],
      ["[duration('1m'), duration('1s')].sum() == duration('1m1s')", true],
      ["[].sum()", 0],
      ["[1, 3].min()", 1],
      ["[1, 3].max()", 3],
      ["[1].min()", 1],
      ["([0] + []).min()", 0],
      ["[1, 2, 2, 3].indexOf(2)", 1],
      ["['a', 'b', 'b', 'c'].lastIndexOf('b')", 2],
      ["[1.0].indexOf(1.1)", -1],
      ["[].indexOf('string')", -1],
      // the documentation's own purpose examples
      ["['a', 'b'].isSorted() && [0.25, 0.75].sum() == 1.0", true],
      ["[1, 2].max() < [3, 4].min()", true],
      ["['x', 'should-be-first'].indexOf('should-be-first') == 1", true],
    ]);
    expectErrors([["[].min()", "min called on empty list"]]);
  });

  it("runs the cel-go lists extension as documented", () => {
    expectTable([
      ["[1, 2, 3, 4].slice(1, 3)", [2, 3]],
      ["[1, 2, 3, 4].slice(2, 4)", [3, 4]],
      ["[1, [2, 3], [4]].flatten()", [1, 2, 3, 4]],
      ["[1, [2, [3, 4]]].flatten()", [1, 2, [3, 4]]],
      ["[1, 2, [], [], [3, 4]].flatten()", [1, 2, 3, 4]],
      ["[1, [2, [3, [4]]]].flatten(2)", [1, 2, 3, [4]]],
      ["[1, 2, 2, 3, 3, 3].distinct()", [1, 2, 3]],
      ["['b', 'b', 'c', 'a', 'c'].distinct()", ["b", "c", "a"]],
      ["[1, 'b', 2, 'b'].distinct()", [1, "b", 2]],
      ["[5, 1, 2, 3].reverse()", [3, 2, 1, 5]],
      ["[3, 2, 1].sort()", [1, 2, 3]],
      ["['b', 'c', 'a'].sort()", ["a", "b", "c"]],
      ["[{'name': 'foo', 'score': 0}, {'name': 'bar', 'score': -10}, {'name': 'baz', 'score': 1000}].sortBy(e, e.score).map(e, e.name)", ["bar", "foo", "baz"]],
      ["lists.range(4)", [0, 1, 2, 3]],
      ["[1, 2, 3].first().value()", 1],
      ["[].first().hasValue()", false],
      ["[1, 2, 3].last().value()", 3],
      ["[1, 2, 3].includes(2)", true],
      ["[1, 2, 3].includes(4)", false],
      ["'model-a'.includes('model-a')", true],
    ]);
    expectErrors([
      ["[1, 2, 3, 4].slice(3, 2)", "start index must be less than or equal to end index"],
      ["[1, 2, 3, 4].slice(1, 10)", "list is length 4"],
      ["[1, [2]].flatten(-1)", "level must be non-negative"],
      ["[1, 'b'].sort()", "no matching overload"],
    ]);
  });

  it("runs the cel-go sets extension", () => {
    expectTable([
      ["sets.contains([], [])", true],
      ["sets.contains([], [1])", false],
      ["sets.contains([1, 2, 3, 4], [2, 3])", true],
      ["sets.contains([1, 2.0, 3u], [1.0, 2u, 3])", true],
      ["sets.equivalent([], [])", true],
      ["sets.equivalent([1], [1, 1])", true],
      ["sets.equivalent([1], [1u, 1.0])", true],
      ["sets.equivalent([1, 2, 3], [3u, 2.0, 1])", true],
      ["sets.intersects([1], [])", false],
      ["sets.intersects([1], [1, 2])", true],
      ["sets.intersects([[1], [2, 3]], [[1, 2], [2, 3.0]])", true],
    ]);
  });

  it("makes a wrong receiver type an error", () => {
    expect(evalError("'abc'.isSorted()").message).toContain("no matching overload for 'isSorted'");
    expect(evalError("1.sum()").message).toContain("no matching overload for 'sum'");
  });
});

describe("Kubernetes regex library", () => {
  it("evaluates find and findAll with Go's regexp semantics", () => {
    expectTable([
      // The godoc's examples use '[0-9]*' and state '123' / ['123', '456']; Go's regexp (which
      // Kubernetes runs) returns the leftmost match, which for '[0-9]*' on "abc 123" is the empty
      // match at 0. The documented intent holds with '[0-9]+':
      ['"abc 123".find(\'[0-9]+\')', "123"],
      ['"abc 123".find(\'xyz\')', ""],
      ['"123 abc 456".findAll(\'[0-9]+\')', ["123", "456"]],
      ['"123 abc 456".findAll(\'[0-9]+\', 1)', ["123"]],
      ['"123 abc 456".findAll(\'xyz\')', []],
      ['"1, 2, 3, 4".findAll(\'[0-9]+\').map(x, int(x)).sum() < 100', true],
      // and Go's exact results for '*'
      ['"abc 123".find(\'[0-9]*\')', ""],
      ['"123 abc 456".findAll(\'[0-9]*\')', ["123", "", "", "", "", "456"]],
      ['"123 abc 456".findAll(\'[0-9]*\', 1)', ["123"]],
      ["'a1b22c333'.findAll('[0-9]+', -1)", ["1", "22", "333"]],
      ["'a1b22c333'.findAll('[0-9]+', 0)", []],
      ["'Hello'.find('(?i)h(?P<rest>el+)')", "Hell"],
    ]);
  });

  it("evaluates matches (CEL standard) with RE2 syntax", () => {
    expectTable([
      ["'foobar'.matches('^fo+b')", true],
      ["'foobar'.matches('bar$')", true],
      ["'foobar'.matches('^bar')", false],
      ["matches('foobar', 'o{2}')", true],
    ]);
  });

  it("rejects patterns RE2 does not accept, saying why", () => {
    expect(evalError("'abc'.matches('(?<=a)b')").message).toMatch(/invalid regex '\(\?<=a\)b'.*lookaround and backreferences are not RE2 syntax/);
    expect(evalError("'abab'.find('(ab)\\\\1')").message).toMatch(/lookaround and backreferences are not RE2 syntax/);
    expect(evalError("'abc'.findAll('(a')").message).toContain("invalid regex");
  });

  it("runs a catastrophic-backtracking pattern in linear time (RE2)", () => {
    const input = `${"a".repeat(50_000)}!`;
    const started = Date.now();
    expect(value("object.matches('^(a+)+$')", { object: input })).toBe(false);
    expect(value("object.find('(a|a)*b')", { object: input })).toBe("");
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("caps pattern size and find/findAll input length", () => {
    expect(evalError("'a'.matches(object)", { object: "a".repeat(5000) }).message).toContain("regex pattern is longer than 4096 characters");
    expect(evalError("object.find('a')", { object: "a".repeat(70_000) }).message).toContain("input is longer than 65536 characters");
  });
});

describe("strings corrections (Go's strings.Replace and strings.SplitN)", () => {
  it("replaces and splits as cel-go does", () => {
    expectTable([
      ["'aaa'.replace('a', 'b', 2)", "bba"],
      ["'abc'.replace('', '-')", "-a-b-c-"],
      ["'abc'.replace('', '-', 2)", "-a-bc"],
      ["'a,b,c'.split(',', 2)", ["a", "b,c"]],
      ["'abc'.split('')", ["a", "b", "c"]],
      ["'abc'.split('', 2)", ["a", "bc"]],
    ]);
  });
});
