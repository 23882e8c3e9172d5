import { arrayOf, recordOf, stringsOf } from "../core/json.js";
import type { JsonObject } from "../core/types.js";

/**
 * Whether a label selector (`matchLabels` and `matchExpressions`, as in a NetworkPolicy, a Deployment or
 * an aggregation rule) selects an object with these labels: every requirement must hold, so an empty
 * selector matches everything (Kubernetes' LabelSelectorAsSelector). An absent selector is the
 * caller's to read. An unknown operator matches nothing.
 */
export function selectorMatches(selector: JsonObject, labels: Readonly<Record<string, unknown>>): boolean {
  const matchLabels = recordOf(selector.matchLabels);
  for (const [key, value] of Object.entries(matchLabels)) if (labels[key] !== value) return false;
  for (const expression of arrayOf(selector.matchExpressions).map(recordOf)) {
    const key = typeof expression.key === "string" ? expression.key : "";
    const values = stringsOf(expression.values);
    const present = Object.hasOwn(labels, key);
    const value = labels[key];
    switch (expression.operator) {
      case "In":
        if (!present || !values.includes(String(value))) return false;
        break;
      case "NotIn":
        if (present && values.includes(String(value))) return false;
        break;
      case "Exists":
        if (!present) return false;
        break;
      case "DoesNotExist":
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Whether a selector has no requirement at all (`{}`). */
export function isEmptySelector(selector: JsonObject): boolean {
  return Object.keys(recordOf(selector.matchLabels)).length === 0 && arrayOf(selector.matchExpressions).length === 0;
}
