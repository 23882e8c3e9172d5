/**
 * Kubernetes' format library (https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-format-library):
 * format.named(name) and format.<name>() give a format; `<format>.validate(s)` is optional.none() when
 * `s` is valid, else optional.of(list of messages). The checks and messages are those of
 * k8s.io/apimachinery's validation functions (labels, subdomains, qualified names, label values) and
 * of the OpenAPI string formats (uri as Go's url.ParseRequestURI, uuid, byte as standard base64, date,
 * datetime as RFC 3339).
 */
import { celList, type CelValue } from "@bufbuild/cel";
import { opaque } from "../values.js";
import { asOpaque, asString, Library } from "./define.js";
import { none, some } from "./optional.js";
import { parseGoUrl } from "./url.js";

type Check = (value: string) => string[];

function regexError(message: string, pattern: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${pattern}')`;
  return `${message} (e.g. ${examples.map((example) => `'${example}', `).join(" or ")}regex used for validation is '${pattern}')`;
}

const maxLength = (n: number): string => `must be no more than ${n} characters`;

const LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const DNS1035 = "[a-z]([-a-z0-9]*[a-z0-9])?";
const QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;

const whole = (pattern: string): RegExp => new RegExp(`^${pattern}$`);
const LABEL_RE = whole(LABEL);
const SUBDOMAIN_RE = whole(SUBDOMAIN);
const DNS1035_RE = whole(DNS1035);
const QUALIFIED_NAME_RE = whole(QUALIFIED_NAME);
const LABEL_VALUE_RE = whole(LABEL_VALUE);

/** apimachinery's pattern checks: a length limit, then a regex whose message names examples. */
function lengthAndPattern(max: number, regex: RegExp, pattern: string, message: string, ...examples: string[]): Check {
  return (s) => {
    const errors: string[] = [];
    if (s.length > max) errors.push(maxLength(max));
    if (!regex.test(s)) errors.push(regexError(message, pattern, ...examples));
    return errors;
  };
}

const dns1123Label = lengthAndPattern(
  63,
  LABEL_RE,
  LABEL,
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
  "my-name",
  "123-abc",
);

const dns1123Subdomain = lengthAndPattern(
  253,
  SUBDOMAIN_RE,
  SUBDOMAIN,
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
  "example.com",
);

const dns1035Label = lengthAndPattern(
  63,
  DNS1035_RE,
  DNS1035,
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
  "my-name",
  "abc-123",
);

const qualifiedName: Check = (s) => {
  const errors: string[] = [];
  const parts = s.split("/");
  let name = parts[0];
  if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errors.push("prefix part must be non-empty");
    else errors.push(...dns1123Subdomain(prefix).map((message) => `prefix part ${message}`));
  } else if (parts.length > 2) {
    return [
      `${regexError("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errors.push("name part must be non-empty");
  else if (name.length > 63) errors.push(`name part ${maxLength(63)}`);
  if (!QUALIFIED_NAME_RE.test(name)) {
    errors.push(`name part ${regexError("a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", QUALIFIED_NAME, "MyName", "my.name", "123-abc")}`);
  }
  return errors;
};

const labelValue = lengthAndPattern(
  63,
  LABEL_VALUE_RE,
  LABEL_VALUE,
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
  "MyValue",
  "my_value",
  "12345",
);

/** A generated name's prefix may end in '-': apimachinery masks it (replacing the last two characters by "a") before checking. */
const prefixed =
  (check: Check): Check =>
  (s) =>
    check(s.length > 1 && s.endsWith("-") ? `${s.slice(0, -2)}a` : s);

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return match !== null && validDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** RFC 3339 date-time (what strfmt's datetime accepts: fractional seconds optional, 'T' or 't', 'Z' or an offset). */
function isDateTime(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(s);
  if (match === null || !validDate(Number(match[1]), Number(match[2]), Number(match[3]))) return false;
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6])];
  const offsetHours = match[9] as string | undefined;
  const offsetOk = offsetHours === undefined || (Number(offsetHours) < 24 && Number(match[10]) < 60);
  return hour < 24 && minute < 60 && second < 60 && offsetOk;
}

const FORMATS: Readonly<Record<string, Check>> = {
  dns1123Label,
  dns1123Subdomain,
  dns1035Label,
  qualifiedName,
  dns1123LabelPrefix: prefixed(dns1123Label),
  dns1123SubdomainPrefix: prefixed(dns1123Subdomain),
  dns1035LabelPrefix: prefixed(dns1035Label),
  labelValue,
  uri: (s) => {
    const parsed = parseGoUrl(s, true);
    return typeof parsed === "string" ? [parsed] : [];
  },
  uuid: (s) => (UUID.test(s) ? [] : ["does not match the UUID format"]),
  byte: (s) => (BASE64.test(s) ? [] : ["invalid base64"]),
  date: (s) => (isDate(s) ? [] : ["invalid date"]),
  datetime: (s) => (isDateTime(s) ? [] : ["invalid datetime"]),
};

const KIND = "format";

function formatValue(name: string): CelValue {
  return opaque(KIND, name, name, () => name);
}

const library = new Library()
  .func("format.named", 1, ([value]) => {
    const name = asString(value);
    if (name === undefined) return undefined;
    return Object.hasOwn(FORMATS, name) ? some(formatValue(name)) : none();
  })
  .method("validate", 1, (target, [value]) => {
    const name = asOpaque<string>(target, KIND);
    const text = asString(value);
    if (name === undefined || text === undefined) return undefined;
    const errors = FORMATS[name](text);
    return errors.length === 0 ? none() : some(celList(errors));
  });
for (const name of Object.keys(FORMATS)) library.func(`format.${name}`, 0, () => formatValue(name));

export const FORMAT = library;
