/**
 * Declaring library functions. @bufbuild/cel picks an overload by name, receiver and argument types,
 * and keeps one function per signature; Kubernetes' library types (quantity, semver, ip, …) all travel
 * as CEL maps (src/cel/values.ts), so `isGreaterThan` on a quantity and on a semver would share one
 * signature. Each name and arity therefore gets one dynamic overload that asks its handlers in turn;
 * a handler answers `undefined` when the arguments are not its types, and when none answers the call
 * fails with "no matching overload".
 */
import { celFunc, celMethod, CelScalar, isCelList, isCelMap, type CelFunc, type CelInput, type CelList, type CelMap, type CelValue } from "@bufbuild/cel";
import { CelFunctionError, noOverload } from "../runtime.js";
import { opaqueOf } from "../values.js";

const { DYN } = CelScalar;

type Handler = (target: CelValue, args: readonly CelValue[]) => CelInput | undefined;

export class Library {
  readonly #methods = new Map<string, { name: string; arity: number; handlers: Handler[] }>();
  readonly #functions = new Map<string, { name: string; arity: number; handlers: Array<(args: readonly CelValue[]) => CelInput | undefined> }>();

  /** `target.name(args…)` */
  method(name: string, arity: number, handler: Handler): this {
    const key = `${name}/${arity}`;
    const entry = this.#methods.get(key) ?? { name, arity, handlers: [] };
    entry.handlers.push(handler);
    this.#methods.set(key, entry);
    return this;
  }

  /** `name(args…)`, including qualified names such as `format.dns1123Label` */
  func(name: string, arity: number, handler: (args: readonly CelValue[]) => CelInput | undefined): this {
    const key = `${name}/${arity}`;
    const entry = this.#functions.get(key) ?? { name, arity, handlers: [] };
    entry.handlers.push(handler);
    this.#functions.set(key, entry);
    return this;
  }

  /**
   * One CEL function per name and arity across `libraries` (two libraries' handlers for the same
   * signature must share one overload, or the later would replace the earlier).
   */
  static build(...libraries: readonly Library[]): CelFunc[] {
    const merged = new Library();
    for (const library of libraries) {
      for (const { name, arity, handlers } of library.#methods.values()) for (const handler of handlers) merged.method(name, arity, handler);
      for (const { name, arity, handlers } of library.#functions.values()) for (const handler of handlers) merged.func(name, arity, handler);
    }
    return merged.#build();
  }

  #build(): CelFunc[] {
    const funcs: CelFunc[] = [];
    for (const { name, arity, handlers } of this.#methods.values()) {
      funcs.push(
        celMethod(name, DYN, params(arity), DYN, function (this: CelValue, ...args: CelValue[]) {
          for (const handler of handlers) {
            const result = handler(this, args);
            if (result !== undefined) return result;
          }
          throw noOverload(name, this, ...args);
        }),
      );
    }
    for (const { name, arity, handlers } of this.#functions.values()) {
      funcs.push(
        celFunc(name, params(arity), DYN, (...args: CelValue[]) => {
          for (const handler of handlers) {
            const result = handler(args);
            if (result !== undefined) return result;
          }
          throw noOverload(name, ...args);
        }),
      );
    }
    return funcs;
  }
}

function params(arity: number): CelScalar[] {
  return Array.from({ length: arity }, () => DYN);
}

type CelScalar = typeof DYN;

export function fail(message: string): never {
  throw new CelFunctionError(message);
}

export const asString = (value: CelValue): string | undefined => (typeof value === "string" ? value : undefined);
export const asInt = (value: CelValue): bigint | undefined => (typeof value === "bigint" ? value : undefined);
export const asBool = (value: CelValue): boolean | undefined => (typeof value === "boolean" ? value : undefined);
export const asList = (value: CelValue): CelList | undefined => (isCelList(value) ? value : undefined);
export const asMap = (value: CelValue): CelMap | undefined => (isCelMap(value) ? value : undefined);

/** The JS object behind a library value of `kind`, or undefined. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the kind's JS type
export function asOpaque<T>(value: CelValue, kind: string): T | undefined {
  return opaqueOf<T>(value, kind);
}
