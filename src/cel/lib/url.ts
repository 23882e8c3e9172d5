/**
 * Kubernetes' URL library (https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-url-library):
 * url, isURL, getScheme, getHost, getHostname, getPort, getEscapedPath, getQuery. Kubernetes parses with
 * Go's net/url (ParseRequestURI to accept, Parse to take apart); this is a port of the rules those two
 * apply, since WHATWG `URL` accepts and normalizes differently (it has no absolute-path-only form,
 * lowercases hosts, fills default ports).
 */
import { celMap, type CelInput } from "@bufbuild/cel";
import { opaque } from "../values.js";
import { asString, asOpaque, fail, Library } from "./define.js";

export interface ParsedUrl {
  readonly scheme: string;
  readonly opaque: string;
  readonly host: string;
  readonly path: string;
  /** the path as written, which Go's EscapedPath returns when it is a valid escaping of `path` */
  readonly rawPath: string;
  readonly rawQuery: string;
}

/** Go's url.ParseRequestURI (`viaRequest`) or url.Parse: the URL, or the reason it is not one. */
export function parseGoUrl(raw: string, viaRequest: boolean): ParsedUrl | string {
  const quoted = `parse ${JSON.stringify(raw)}`;
  // eslint-disable-next-line no-control-regex -- Go's URL parser refuses control characters
  if (/[\x00-\x1f\x7f]/.test(raw)) return `${quoted}: net/url: invalid control character in URL`;
  let rest = raw;
  if (!viaRequest) rest = rest.split("#")[0];
  if (rest === "" && viaRequest) return `${quoted}: empty url`;
  if (rest === "*") return { scheme: "", opaque: "", host: "", path: "*", rawPath: "*", rawQuery: "" };
  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  let scheme = "";
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  } else if (rest.startsWith(":")) {
    return `${quoted}: missing protocol scheme`;
  }
  let rawQuery = "";
  if (rest.endsWith("?") && rest.split("?").length === 2) {
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf("?");
    if (q >= 0) {
      rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith("/")) {
    if (scheme !== "") return { scheme, opaque: rest, host: "", path: "", rawPath: "", rawQuery };
    if (viaRequest) return `${quoted}: invalid URI for request`;
    const colon = rest.indexOf(":");
    const slash = rest.indexOf("/");
    if (colon >= 0 && (slash < 0 || colon < slash)) return `${quoted}: first path segment in URL cannot contain colon`;
  }
  let host = "";
  if ((scheme !== "" || (!viaRequest && !rest.startsWith("///"))) && rest.startsWith("//")) {
    const slash = rest.indexOf("/", 2);
    const authority = slash < 0 ? rest.slice(2) : rest.slice(2, slash);
    rest = slash < 0 ? "" : rest.slice(slash);
    const parsedHost = parseAuthority(authority);
    if (parsedHost.error !== undefined) return `${quoted}: ${parsedHost.error}`;
    host = parsedHost.host;
  }
  const path = unescape(rest);
  if (path === undefined) return `${quoted}: invalid URL escape`;
  return { scheme, opaque: "", host, path, rawPath: rest, rawQuery };
}

function parseAuthority(authority: string): { host: string; error?: undefined } | { host?: undefined; error: string } {
  const at = authority.lastIndexOf("@");
  if (at >= 0 && !/^[A-Za-z0-9\-._:~!$&'()*+,;=%@]*$/.test(authority.slice(0, at))) return { error: "net/url: invalid userinfo" };
  const host = authority.slice(at + 1);
  if (host.startsWith("[")) {
    const close = host.indexOf("]");
    if (close < 0) return { error: "missing ']' in host" };
    const port = host.slice(close + 1);
    if (!validOptionalPort(port)) return { error: `invalid port ${JSON.stringify(port)} after host` };
  } else {
    const colon = host.lastIndexOf(":");
    if (colon >= 0 && !validOptionalPort(host.slice(colon))) return { error: `invalid port ${JSON.stringify(host.slice(colon))} after host` };
  }
  const bad = /[^A-Za-z0-9\-._~!$&'()*+,;=:[\]<>"%\u0080-\uffff]/.exec(host);
  if (bad) return { error: `invalid character ${JSON.stringify(bad[0])} in host name` };
  const unescaped = unescape(host);
  return unescaped === undefined ? { error: "invalid URL escape" } : { host: unescaped };
}

function validOptionalPort(port: string): boolean {
  return port === "" || /^:[0-9]*$/.test(port);
}

function unescape(text: string): string | undefined {
  if (/%(?![0-9A-Fa-f]{2})/.test(text)) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    // a %-sequence that is not UTF-8: keep the bytes' escapes as Go would keep the bytes
    return text;
  }
}

function hostname(host: string): string {
  if (host.startsWith("[")) return host.slice(1, host.indexOf("]"));
  const colon = host.lastIndexOf(":");
  return colon >= 0 ? host.slice(0, colon) : host;
}

function port(host: string): string {
  const colon = host.lastIndexOf(":");
  if (colon < 0 || host.slice(colon).includes("]")) return "";
  return host.slice(colon + 1);
}

/** Go's URL.EscapedPath: the path as written when that is a valid escaping of it, else Go's escaping. */
function escapedPath(url: ParsedUrl): string {
  if (/^(?:[A-Za-z0-9\-_.~!$&'()*+,;=:@[\]/]|%[0-9A-Fa-f]{2})*$/.test(url.rawPath) && unescape(url.rawPath) === url.path) return url.rawPath;
  return Array.from(new TextEncoder().encode(url.path), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }).join("");
}

function queryOf(rawQuery: string): CelInput {
  const result = new Map<string, string[]>();
  for (const pair of rawQuery.split("&")) {
    if (pair === "" || pair.includes(";")) continue;
    const eq = pair.indexOf("=");
    const key = queryUnescape(eq < 0 ? pair : pair.slice(0, eq));
    const value = queryUnescape(eq < 0 ? "" : pair.slice(eq + 1));
    if (key === undefined || value === undefined) continue;
    result.set(key, [...(result.get(key) ?? []), value]);
  }
  return celMap(result);
}

function queryUnescape(text: string): string | undefined {
  return unescape(text.replace(/\+/g, " "));
}

const KIND = "url";

function url(raw: string): CelInput {
  const problem = parseGoUrl(raw, true);
  if (typeof problem === "string") fail(`URL parse error during conversion from string: ${problem}`);
  const parsed = parseGoUrl(raw, false);
  if (typeof parsed === "string") fail(`URL parse error during conversion from string: ${parsed}`);
  return opaque(KIND, parsed, raw, () => raw);
}

const part = (read: (url: ParsedUrl) => CelInput) => (target: Parameters<Parameters<Library["method"]>[2]>[0]) => {
  const parsed = asOpaque<ParsedUrl>(target, KIND);
  return parsed && read(parsed);
};

export const URLS = new Library()
  .func("url", 1, ([value]) => {
    const raw = asString(value);
    return raw === undefined ? undefined : url(raw);
  })
  .func("isURL", 1, ([value]) => {
    const raw = asString(value);
    return raw === undefined ? undefined : typeof parseGoUrl(raw, true) !== "string";
  })
  .method("getScheme", 0, part((u) => u.scheme))
  .method("getHost", 0, part((u) => u.host))
  .method("getHostname", 0, part((u) => hostname(u.host)))
  .method("getPort", 0, part((u) => port(u.host)))
  .method("getEscapedPath", 0, part(escapedPath))
  .method("getQuery", 0, part((u) => queryOf(u.rawQuery)));
