/**
 * CEL optional values (Kubernetes enables cel-go's OptionalTypes): optional.of, optional.none,
 * optional.ofNonZeroValue, hasValue, value, orValue, or. The `?.` and `[?…]` syntax is not available:
 * @bufbuild/cel's parser does not accept it, so such an expression is a syntax error.
 */
import { isCelList, isCelMap, type CelInput, type CelValue } from "@bufbuild/cel";
import { fromCelValue, opaque, opaqueOf } from "../values.js";
import { fail, Library } from "./define.js";

interface Optional {
  readonly present: boolean;
  readonly value?: CelValue;
}

const KIND = "optional";

export function some(value: CelValue): CelValue {
  return opaque(KIND, { present: true, value } satisfies Optional, value, () => fromCelValue(value));
}

export function none(): CelValue {
  return opaque(KIND, { present: false } satisfies Optional, null, () => null);
}

const asOptional = (value: CelValue): Optional | undefined => opaqueOf<Optional>(value, KIND);

function isZero(value: CelValue): boolean {
  switch (typeof value) {
    case "bigint":
      return value === 0n;
    case "number":
      return value === 0;
    case "string":
      return value === "";
    case "boolean":
      return !value;
    default:
      if (value === null) return true;
      if (value instanceof Uint8Array) return value.length === 0;
      if (isCelList(value) || isCelMap(value)) return value.size === 0;
      return false;
  }
}

export const OPTIONALS = new Library()
  .func("optional.of", 1, ([value]) => some(value))
  .func("optional.none", 0, () => none())
  .func("optional.ofNonZeroValue", 1, ([value]) => (isZero(value) ? none() : some(value)))
  .method("hasValue", 0, (target) => asOptional(target)?.present)
  .method("value", 0, (target): CelInput | undefined => {
    const optional = asOptional(target);
    if (optional === undefined) return undefined;
    if (!optional.present) fail("optional.none() dereference");
    return optional.value;
  })
  .method("orValue", 1, (target, [fallback]) => {
    const optional = asOptional(target);
    if (optional === undefined) return undefined;
    return optional.present ? optional.value : fallback;
  })
  .method("or", 1, (target, [other]) => {
    const optional = asOptional(target);
    if (optional === undefined || asOptional(other) === undefined) return undefined;
    return optional.present ? target : other;
  });
