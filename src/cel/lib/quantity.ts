/**
 * Kubernetes' quantity library (https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-quantity-library):
 * quantity, isQuantity, sign, isInteger, asInteger, asApproximateFloat, add, sub, isGreaterThan,
 * isLessThan, compareTo. Values are exact (a bigint over a power of ten), parsed by the grammar of
 * k8s.io/apimachinery's resource.ParseQuantity: a signed decimal number, then a binary suffix (Ki Mi Gi
 * Ti Pi Ei), a decimal one (n u m "" k M G T P E) or a decimal exponent (e3, E-2); precision finer than
 * nano is rounded up, as ParseQuantity does.
 */
import type { CelInput, CelValue } from "@bufbuild/cel";
import { opaque } from "../values.js";
import { asInt, asOpaque, asString, fail, Library } from "./define.js";

/** numerator / 10^scale */
export interface Quantity {
  readonly numerator: bigint;
  readonly scale: number;
}

const BINARY: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

export function parseQuantity(text: string): Quantity | undefined {
  const match = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = "", suffix] = match;
  if (whole === "" && fraction === "") return undefined;
  let numerator = BigInt(`${whole}${fraction}` || "0");
  let scale = fraction.length;
  if (suffix in BINARY) {
    numerator <<= BigInt(BINARY[suffix]);
  } else if (suffix in DECIMAL) {
    scale -= DECIMAL[suffix];
  } else {
    const exponent = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
    if (!exponent) return undefined;
    scale -= Number(exponent[1]);
  }
  if (sign === "-") numerator = -numerator;
  return roundToNano(normalize({ numerator, scale }));
}

function normalize(q: Quantity): Quantity {
  let { numerator, scale } = q;
  if (numerator === 0n) return { numerator: 0n, scale: 0 };
  while (scale > 0 && numerator % 10n === 0n) {
    numerator /= 10n;
    scale--;
  }
  if (scale < 0) {
    numerator *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { numerator, scale };
}

/** ParseQuantity keeps at most nine decimals, rounding away from zero. */
function roundToNano(q: Quantity): Quantity {
  if (q.scale <= 9) return q;
  const divisor = 10n ** BigInt(q.scale - 9);
  let numerator = q.numerator / divisor;
  if (q.numerator % divisor !== 0n) numerator += q.numerator > 0n ? 1n : -1n;
  return normalize({ numerator, scale: 9 });
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.numerator * 10n ** BigInt(scale - a.scale), b.numerator * 10n ** BigInt(scale - b.scale), scale];
}

export function compare(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function add(a: Quantity, b: Quantity): Quantity {
  const [x, y, scale] = align(a, b);
  return normalize({ numerator: x + y, scale });
}

const negate = (q: Quantity): Quantity => ({ numerator: -q.numerator, scale: q.scale });
const fromInt = (n: bigint): Quantity => normalize({ numerator: n, scale: 0 });

/** Exact decimal text of a quantity, used for equality and for what evaluateCel returns after arithmetic. */
function decimalText(q: Quantity): string {
  if (q.scale === 0) return q.numerator.toString();
  const negative = q.numerator < 0n;
  const digits = (negative ? -q.numerator : q.numerator).toString().padStart(q.scale + 1, "0");
  return `${negative ? "-" : ""}${digits.slice(0, -q.scale)}.${digits.slice(-q.scale)}`;
}

const KIND = "quantity";

function quantityValue(q: Quantity, written?: string): CelValue {
  const exact = decimalText(q);
  return opaque(KIND, q, exact, () => written ?? exact);
}

const quantityOf = (value: CelValue): Quantity | undefined => asOpaque<Quantity>(value, KIND);

/** The operand of add/sub: a quantity, an int, or (as cel-go accepts for quantity strings) neither. */
function operand(value: CelValue): Quantity | undefined {
  const int = asInt(value);
  return int === undefined ? quantityOf(value) : fromInt(int);
}

const compared = (test: (order: number) => CelInput) => (target: CelValue, [other]: readonly CelValue[]) => {
  const a = quantityOf(target);
  const b = quantityOf(other);
  return a && b && test(compare(a, b));
};

export const QUANTITIES = new Library()
  .func("quantity", 1, ([value]) => {
    const text = asString(value);
    if (text === undefined) return undefined;
    const parsed = parseQuantity(text);
    return parsed ? quantityValue(parsed, text) : fail(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': ${JSON.stringify(text)}`);
  })
  .func("isQuantity", 1, ([value]) => {
    const text = asString(value);
    return text === undefined ? undefined : parseQuantity(text) !== undefined;
  })
  .method("sign", 0, (target) => {
    const q = quantityOf(target);
    return q && BigInt(q.numerator > 0n ? 1 : q.numerator < 0n ? -1 : 0);
  })
  .method("isInteger", 0, (target) => {
    const q = quantityOf(target);
    if (q === undefined) return undefined;
    return q.scale === 0 && q.numerator >= INT64_MIN && q.numerator <= INT64_MAX;
  })
  .method("asInteger", 0, (target) => {
    const q = quantityOf(target);
    if (q === undefined) return undefined;
    if (q.scale !== 0 || q.numerator < INT64_MIN || q.numerator > INT64_MAX) fail("cannot convert value to integer");
    return q.numerator;
  })
  .method("asApproximateFloat", 0, (target) => {
    const q = quantityOf(target);
    return q && Number(decimalText(q));
  })
  .method("add", 1, (target, [other]) => {
    const a = quantityOf(target);
    const b = a && operand(other);
    return a && b && quantityValue(add(a, b));
  })
  .method("sub", 1, (target, [other]) => {
    const a = quantityOf(target);
    const b = a && operand(other);
    return a && b && quantityValue(add(a, negate(b)));
  })
  .method("isGreaterThan", 1, compared((order) => order > 0))
  .method("isLessThan", 1, compared((order) => order < 0))
  .method("compareTo", 1, compared((order) => BigInt(order)));
