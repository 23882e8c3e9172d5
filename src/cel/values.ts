/**
 * Values crossing the boundary between kubeward (plain JSON-like JS values) and @bufbuild/cel.
 *
 * Kubernetes reads JSON integers as CEL `int`, so a safe JS integer becomes a bigint; any other number
 * stays a double. Objects become CEL maps and arrays CEL lists, converted once per JS object (a policy
 * set evaluates the same object many times).
 */
import { celMap, isCelList, isCelMap, isCelType, isCelUint, type CelInput, type CelValue } from "@bufbuild/cel";
import { operator } from "./runtime.js";

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
  let result = converted.get(value);
  if (result === undefined) {
    result = Array.isArray(value) ? value.map(toCelInput) : celMap(new JsonObjectMap(value as Record<string, unknown>));
    converted.set(value, result);
  }
  return result;
}

/**
 * A JSON object seen as the Map @bufbuild/cel reads maps through, converting a field only when an
 * expression reads it: policies read a few fields of objects that carry many (status, managedFields).
 */
class JsonObjectMap extends Map<string, CelInput> {
  readonly #object: Record<string, unknown>;
  #keys: string[] | undefined;

  constructor(object: Record<string, unknown>) {
    super();
    this.#object = object;
  }

  #presentKeys(): string[] {
    this.#keys ??= Object.keys(this.#object).filter((key) => this.#object[key] !== undefined);
    return this.#keys;
  }

  override get size(): number {
    return this.#presentKeys().length;
  }

  override has(key: string): boolean {
    return typeof key === "string" && Object.hasOwn(this.#object, key) && this.#object[key] !== undefined;
  }

  override get(key: string): CelInput | undefined {
    return this.has(key) ? toCelInput(this.#object[key]) : undefined;
  }

  override keys(): MapIterator<string> {
    return this.#presentKeys()[Symbol.iterator]();
  }

  override *entries(): MapIterator<[string, CelInput]> {
    for (const key of this.#presentKeys()) yield [key, toCelInput(this.#object[key])];
  }

  override *values(): MapIterator<CelInput> {
    for (const key of this.#presentKeys()) yield toCelInput(this.#object[key]);
  }

  override forEach(callback: (value: CelInput, key: string, map: Map<string, CelInput>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  override [Symbol.iterator](): MapIterator<[string, CelInput]> {
    return this.entries();
  }
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
    if (isOpaque(value)) return opaqueDisplay(value);
    const out: Record<string, unknown> = {};
    for (const [key, item] of value.entries()) out[String(fromCelValue(key))] = fromCelValue(item);
    return out;
  }
  if (isCelType(value)) return value.toString();
  // a timestamp or duration, as CEL's string() writes it
  return operator("string", value);
}

function bigintOut(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/**
 * Kubernetes library values (quantity, ip, cidr, url, semver, format) and optionals have no CEL type in
 * @bufbuild/cel, which lets JS code add functions but not types. They travel as CEL maps holding their
 * kind and a canonical form, so `==` compares them by value, and a side table finds the JS object
 * behind them. `type()` of one says map.
 */
const OPAQUE_KEY = "@kubeward";
const opaqueObjects = new WeakMap<object, { kind: string; value: unknown; display: () => unknown }>();

/** A library value: `canonical` decides equality, `display` is what evaluateCel returns for it. */
export function opaque(kind: string, value: unknown, canonical: CelInput, display: () => unknown): CelValue {
  const map = celMap(new Map<string, CelInput>([[OPAQUE_KEY, kind], ["value", canonical]]));
  opaqueObjects.set(map, { kind, value, display });
  return map;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the kind's JS type
export function opaqueOf<T>(value: unknown, kind: string): T | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const entry = opaqueObjects.get(value);
  return entry?.kind === kind ? (entry.value as T) : undefined;
}

export function isOpaque(value: unknown): boolean {
  return typeof value === "object" && value !== null && opaqueObjects.has(value);
}

function opaqueDisplay(value: object): unknown {
  return opaqueObjects.get(value)?.display();
}
