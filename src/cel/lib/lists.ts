/**
 * Kubernetes' list library (isSorted, sum, min, max, indexOf, lastIndexOf, includes; see
 * https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-list-library), cel-go's lists
 * extension as Kubernetes enables it (slice, flatten, distinct, reverse, sort, sortBy, lists.range,
 * first, last) and its sets extension (sets.contains, sets.equivalent, sets.intersects).
 * Comparisons, sums and equality are CEL's own operators, so mixed numeric types and durations behave
 * as in CEL.
 */
import { celList, isCelList, type CelValue } from "@bufbuild/cel";
import { SORT_BY_KEYS } from "../compile.js";
import { charge, operator } from "../runtime.js";
import { asInt, asList, fail, Library } from "./define.js";
import { none, some } from "./optional.js";

const less = (a: CelValue, b: CelValue): boolean => operator("_<_", a, b) === true;
const equal = (a: CelValue, b: CelValue): boolean => operator("_==_", a, b) === true;

function comparable(value: CelValue): boolean {
  return typeof value !== "object" || value === null || value instanceof Uint8Array || !isCelList(value);
}

function indexOf(list: readonly CelValue[], item: CelValue, last: boolean): bigint {
  if (last) {
    for (let i = list.length - 1; i >= 0; i--) if (equal(list[i], item)) return BigInt(i);
  } else {
    for (let i = 0; i < list.length; i++) if (equal(list[i], item)) return BigInt(i);
  }
  return -1n;
}

function extreme(list: readonly CelValue[], name: string, better: (a: CelValue, b: CelValue) => boolean): CelValue {
  if (list.length === 0) fail(`${name} called on empty list`);
  let result = list[0];
  for (const item of list.slice(1)) if (better(item, result)) result = item;
  return result;
}

function sorted(list: readonly CelValue[], keys: readonly CelValue[]): CelValue[] {
  for (const key of keys) {
    if (!comparable(key)) fail("sort() requires a list of comparable values");
  }
  const order = list.map((_, i) => i);
  order.sort((a, b) => (less(keys[a], keys[b]) ? -1 : less(keys[b], keys[a]) ? 1 : 0));
  return order.map((i) => list[i]);
}

function flatten(list: readonly CelValue[], depth: bigint): CelValue[] {
  const out: CelValue[] = [];
  for (const item of list) {
    if (isCelList(item) && depth > 0n) out.push(...flatten(Array.from(item), depth - 1n));
    else out.push(item);
  }
  return out;
}

function distinct(list: readonly CelValue[]): CelValue[] {
  const out: CelValue[] = [];
  for (const item of list) if (!out.some((seen) => equal(seen, item))) out.push(item);
  return out;
}

const contains = (list: readonly CelValue[], items: readonly CelValue[]): boolean => items.every((item) => list.some((element) => equal(element, item)));

/** The list's elements as an array, or undefined when `value` is not a list. */
function items(value: CelValue): CelValue[] | undefined {
  const list = asList(value);
  return list === undefined ? undefined : Array.from(list);
}

export const LISTS = new Library()
  .method("isSorted", 0, (target) => {
    const list = items(target);
    if (list === undefined) return undefined;
    for (let i = 1; i < list.length; i++) if (less(list[i], list[i - 1])) return false;
    return true;
  })
  .method("sum", 0, (target) => {
    const list = items(target);
    if (list === undefined) return undefined;
    if (list.length === 0) return 0n;
    return list.slice(1).reduce((total, item) => operator("_+_", total, item), list[0]);
  })
  .method("min", 0, (target) => {
    const list = items(target);
    return list && extreme(list, "min", less);
  })
  .method("max", 0, (target) => {
    const list = items(target);
    return list && extreme(list, "max", (a, b) => less(b, a));
  })
  .method("indexOf", 1, (target, [item]) => {
    const list = items(target);
    return list && indexOf(list, item, false);
  })
  .method("lastIndexOf", 1, (target, [item]) => {
    const list = items(target);
    return list && indexOf(list, item, true);
  })
  .method("includes", 1, (target, [item]) => {
    const list = items(target);
    return list ? list.some((element) => equal(element, item)) : equal(target, item);
  })
  .method("slice", 2, (target, [start, end]) => {
    const list = items(target);
    const from = asInt(start);
    const to = asInt(end);
    if (list === undefined || from === undefined || to === undefined) return undefined;
    if (from < 0n || to < 0n) fail(`cannot slice(${from}, ${to}), negative indexes not supported`);
    if (from > to) fail(`cannot slice(${from}, ${to}), start index must be less than or equal to end index`);
    if (to > BigInt(list.length)) fail(`cannot slice(${from}, ${to}), list is length ${list.length}`);
    return list.slice(Number(from), Number(to));
  })
  .method("flatten", 0, (target) => {
    const list = items(target);
    return list && flatten(list, 1n);
  })
  .method("flatten", 1, (target, [depth]) => {
    const list = items(target);
    const levels = asInt(depth);
    if (list === undefined || levels === undefined) return undefined;
    if (levels < 0n) fail("level must be non-negative");
    return flatten(list, levels);
  })
  .method("distinct", 0, (target) => {
    const list = items(target);
    return list && distinct(list);
  })
  .method("reverse", 0, (target) => {
    const list = items(target);
    return list?.reverse();
  })
  .method("sort", 0, (target) => {
    const list = items(target);
    return list && sorted(list, list);
  })
  .method("first", 0, (target) => {
    const list = items(target);
    if (list === undefined) return undefined;
    return list.length === 0 ? none() : some(list[0]);
  })
  .method("last", 0, (target) => {
    const list = items(target);
    if (list === undefined) return undefined;
    return list.length === 0 ? none() : some(list[list.length - 1]);
  })
  .func(SORT_BY_KEYS, 2, ([target, keys]) => {
    const list = items(target);
    const keyList = items(keys);
    return list && keyList && sorted(list, keyList);
  })
  .func("lists.range", 1, ([count]) => {
    const n = asInt(count);
    if (n === undefined) return undefined;
    charge(Number(n));
    return celList(Array.from({ length: Math.max(0, Number(n)) }, (_, i) => BigInt(i)));
  })
  .func("sets.contains", 2, ([a, b]) => {
    const list = items(a);
    const sub = items(b);
    return list && sub && contains(list, sub);
  })
  .func("sets.equivalent", 2, ([a, b]) => {
    const left = items(a);
    const right = items(b);
    return left && right && contains(left, right) && contains(right, left);
  })
  .func("sets.intersects", 2, ([a, b]) => {
    const left = items(a);
    const right = items(b);
    return left && right && left.some((item) => right.some((other) => equal(item, other)));
  });
