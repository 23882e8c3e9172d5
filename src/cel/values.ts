/**
 * Values crossing the boundary between kubeward (plain JSON-like JS values) and @bufbuild/cel.
 *
 * Kubernetes reads JSON integers as CEL `int`, so a safe JS integer becomes a bigint; any other number
 * stays a double. Objects become CEL maps and arrays CEL lists, converted once per JS object (a policy
 * set evaluates the same object many times).
 */
import { celMap, isCelList, isCelMap, isCelUint, type CelInput, type CelValue } from "@bufbuild/cel";

const converted = new WeakMap<object, CelInput>();

export function toCelInput(value: unknown): CelInput {
  switch (typeof value) {
    case "number":
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    case "string":
    case "boolean":
    case "bigint":
      return value;
    case "undefined":
      return null;
    case "object":
      break;
    default:
      throw new TypeError(`a ${typeof value} is not a JSON value`);
  }
  if (value === null) return null;
  if (isCelMap(value) || isCelList(value)) return value;
  const known = converted.get(value);
  if (known !== undefined) return known;
  let result: CelInput;
  if (Array.isArray(value)) {
    result = value.map(toCelInput);
  } else {
    const entries = new Map<string, CelInput>();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) entries.set(key, toCelInput(item));
    }
    result = celMap(entries);
  }
  converted.set(value, result);
  return result;
}

/** A CEL value as plain JS: int and uint as numbers when safe (bigint otherwise), lists as arrays, maps as objects. */
export function fromCelValue(value: CelValue): unknown {
  switch (typeof value) {
    case "bigint":
      return bigintOut(value);
    case "object":
      break;
    default:
      return value;
  }
  if (value === null || value instanceof Uint8Array) return value;
  if (isCelUint(value)) return bigintOut(value.value);
  if (isCelList(value)) return Array.from(value, fromCelValue);
  if (isCelMap(value)) {
    const opaque = opaqueDisplay(value);
    if (opaque !== undefined) return opaque;
    const out: Record<string, unknown> = {};
    for (const [key, item] of value.entries()) out[String(fromCelValue(key))] = fromCelValue(item);
    return out;
  }
  // a timestamp, duration, type or message
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
}

function bigintOut(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/**
 * Kubernetes library values (quantity, ip, cidr, url, semver, format) have no CEL type in @bufbuild/cel,
 * which only lets JS code add functions, not types. They travel as one-entry CEL maps whose entry holds
 * their canonical text, so `==` compares them by value, and a side table finds the JS object behind them.
 */
const OPAQUE_KEY = "@kubeward";
const opaqueObjects = new WeakMap<object, { kind: string; value: unknown; display: string }>();

export function opaque(kind: string, value: unknown, canonical: string): CelValue {
  const map = celMap(new Map([[OPAQUE_KEY, `${kind}:${canonical}`]]));
  opaqueObjects.set(map, { kind, value, display: canonical });
  return map;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the kind's JS type
export function opaqueOf<T>(value: unknown, kind: string): T | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const entry = opaqueObjects.get(value);
  return entry?.kind === kind ? (entry.value as T) : undefined;
}

export function opaqueKind(value: unknown): string | undefined {
  return typeof value === "object" && value !== null ? opaqueObjects.get(value)?.kind : undefined;
}

function opaqueDisplay(value: object): string | undefined {
  return opaqueObjects.get(value)?.display;
}
