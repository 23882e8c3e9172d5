/**
 * Kubernetes' IP and CIDR libraries (https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-ip-address-library):
 * ip, isIP, ip.isCanonical, family, isUnspecified, isLoopback, isLinkLocalMulticast,
 * isLinkLocalUnicast, isGlobalUnicast, string(ip); cidr, isCIDR, containsIP, containsCIDR, ip,
 * masked, prefixLength, string(cidr). Parsing follows Go's net/netip as Kubernetes uses it: no
 * leading zeros in IPv4 octets, no zones, no IPv4-mapped IPv6 addresses.
 */
import type { CelInput, CelValue } from "@bufbuild/cel";
import { opaque } from "../values.js";
import { asOpaque, asString, fail, Library } from "./define.js";

export interface IpAddress {
  readonly family: 4 | 6;
  /** the address as a 32- or 128-bit number */
  readonly value: bigint;
}

interface Cidr {
  readonly address: IpAddress;
  readonly bits: number;
}

const IP = "ip";
const CIDR = "cidr";

function parseIPv4(text: string): bigint | string {
  const parts = text.split(".");
  if (parts.length !== 4) return "IPv4 address too short";
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) return "unexpected character";
    if (part.length > 1 && part.startsWith("0")) return "IPv4 field has octet with leading zero";
    const octet = Number(part);
    if (octet > 255) return "IPv4 field has value >255";
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseIPv6(text: string): bigint | string {
  if (text.includes("%")) return "zone";
  let head = text;
  let tailV4: bigint | undefined;
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = parseIPv4(text.slice(lastColon + 1));
    if (typeof v4 === "string") return v4;
    tailV4 = v4;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split("::");
  if (halves.length > 2) return "multiple :: in address";
  const groupsOf = (part: string): string[] => (part === "" ? [] : part.split(":"));
  const left = groupsOf(halves[0]);
  const right = halves.length === 2 ? groupsOf(halves[1]) : [];
  const total = left.length + right.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return "wrong number of groups";
  const groups = [...left, ...Array<string>(8 - total).fill("0"), ...right];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return "unexpected character";
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  if (tailV4 !== undefined) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** Go's netip.ParseAddr plus Kubernetes' refusals, as an address or the error message. */
export function parseIp(text: string): IpAddress | string {
  const quoted = JSON.stringify(text);
  if (text.includes(":")) {
    if (text.includes("%")) return `IP address ${quoted} with zone value is not allowed`;
    const value = parseIPv6(text);
    if (typeof value === "string") return `IP Address ${quoted} parse error during conversion from string: ParseAddr(${quoted}): ${value}`;
    if (value >> 32n === 0xffffn) return `IPv4-mapped IPv6 address ${quoted} is not allowed`;
    return { family: 6, value };
  }
  const value = parseIPv4(text);
  if (typeof value === "string") return `IP Address ${quoted} parse error during conversion from string: ParseAddr(${quoted}): ${value}`;
  return { family: 4, value };
}

/** Go's Addr.String(): dotted quad, or RFC 5952 (lowercase, longest run of two or more zero groups as ::). */
export function formatIp(address: IpAddress): string {
  if (address.family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((address.value >> BigInt(112 - 16 * i)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

function inRange(address: IpAddress, family: 4 | 6, prefix: bigint, bits: number): boolean {
  if (address.family !== family) return false;
  const width = family === 4 ? 32 : 128;
  return address.value >> BigInt(width - bits) === prefix >> BigInt(width - bits);
}

const v4 = (a: number, b: number, c: number, d: number): bigint => (BigInt(a) << 24n) | (BigInt(b) << 16n) | (BigInt(c) << 8n) | BigInt(d);
const v6 = (firstGroup: number): bigint => BigInt(firstGroup) << 112n;

const isUnspecified = (a: IpAddress): boolean => a.value === 0n;
const isLoopback = (a: IpAddress): boolean => (a.family === 4 ? inRange(a, 4, v4(127, 0, 0, 0), 8) : a.value === 1n);
const isMulticast = (a: IpAddress): boolean => inRange(a, 4, v4(224, 0, 0, 0), 4) || inRange(a, 6, v6(0xff00), 8);
const isLinkLocalUnicast = (a: IpAddress): boolean => inRange(a, 4, v4(169, 254, 0, 0), 16) || inRange(a, 6, v6(0xfe80), 10);
const isLinkLocalMulticast = (a: IpAddress): boolean =>
  inRange(a, 4, v4(224, 0, 0, 0), 24) || (a.family === 6 && ((a.value >> 112n) & 0xff0fn) === 0xff02n);
const isGlobalUnicast = (a: IpAddress): boolean =>
  !(a.family === 4 && a.value === 0xffffffffn) && !isUnspecified(a) && !isLoopback(a) && !isMulticast(a) && !isLinkLocalUnicast(a);

function ipValue(address: IpAddress): CelValue {
  const text = formatIp(address);
  return opaque(IP, address, text, () => text);
}

function cidrValue(cidr: Cidr): CelValue {
  const text = `${formatIp(cidr.address)}/${cidr.bits}`;
  return opaque(CIDR, cidr, text, () => text);
}

function parseCidr(text: string): Cidr | string {
  const slash = text.lastIndexOf("/");
  if (slash < 0) return `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(text)}): no '/'`;
  const address = parseIp(text.slice(0, slash));
  if (typeof address === "string") return `network address parse error during conversion from string: ${address}`;
  const bitsText = text.slice(slash + 1);
  const bits = Number(bitsText);
  if (!/^(0|[1-9][0-9]*)$/.test(bitsText) || bits > (address.family === 4 ? 32 : 128)) {
    return `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(text)}): bad bits after slash: ${JSON.stringify(bitsText)}`;
  }
  return { address, bits };
}

function masked(cidr: Cidr): Cidr {
  const width = cidr.address.family === 4 ? 32 : 128;
  const shift = BigInt(width - cidr.bits);
  return { address: { family: cidr.address.family, value: (cidr.address.value >> shift) << shift }, bits: cidr.bits };
}

function contains(cidr: Cidr, address: IpAddress): boolean {
  return inRange(address, cidr.address.family, cidr.address.value, cidr.bits);
}

const addressOf = (value: CelValue): IpAddress | undefined => asOpaque<IpAddress>(value, IP);
const cidrOf = (value: CelValue): Cidr | undefined => asOpaque<Cidr>(value, CIDR);

/** A string argument parsed by `parse` (failing with its message), or a value already of the kind. */
function argument<T>(value: CelValue, parse: (text: string) => T | string, of: (value: CelValue) => T | undefined): T | undefined {
  const text = asString(value);
  if (text === undefined) return of(value);
  const parsed = parse(text);
  return typeof parsed === "string" ? fail(parsed) : parsed;
}

/** `name(string)`: the string parsed by `parse`, handed to `make`. */
const fromString =
  <T>(parse: (text: string) => T | string, make: (parsed: T, text: string) => CelInput) =>
  ([value]: readonly CelValue[]) => {
    const text = asString(value);
    if (text === undefined) return undefined;
    const parsed = parse(text);
    return typeof parsed === "string" ? fail(parsed) : make(parsed, text);
  };

/** `isX(string)`: whether `parse` accepts the string. */
const accepts =
  (parse: (text: string) => object | string) =>
  ([value]: readonly CelValue[]) => {
    const text = asString(value);
    return text === undefined ? undefined : typeof parse(text) !== "string";
  };

const onIp = (read: (address: IpAddress) => CelInput) => (target: CelValue) => {
  const address = addressOf(target);
  return address && read(address);
};

export const IPS = new Library()
  .func("ip", 1, fromString(parseIp, ipValue))
  .func("isIP", 1, accepts(parseIp))
  .func("ip.isCanonical", 1, fromString(parseIp, (address, text) => formatIp(address) === text))
  .func("string", 1, ([value]) => {
    const address = addressOf(value);
    if (address) return formatIp(address);
    const cidr = cidrOf(value);
    return cidr && `${formatIp(cidr.address)}/${cidr.bits}`;
  })
  .method("family", 0, onIp((a) => BigInt(a.family)))
  .method("isUnspecified", 0, onIp(isUnspecified))
  .method("isLoopback", 0, onIp(isLoopback))
  .method("isLinkLocalMulticast", 0, onIp(isLinkLocalMulticast))
  .method("isLinkLocalUnicast", 0, onIp(isLinkLocalUnicast))
  .method("isGlobalUnicast", 0, onIp(isGlobalUnicast))
  .func("cidr", 1, fromString(parseCidr, cidrValue))
  .func("isCIDR", 1, accepts(parseCidr))
  .method("containsIP", 1, (target, [other]) => {
    const cidr = cidrOf(target);
    if (cidr === undefined) return undefined;
    const address = argument(other, parseIp, addressOf);
    return address && contains(cidr, address);
  })
  .method("containsCIDR", 1, (target, [other]) => {
    const cidr = cidrOf(target);
    if (cidr === undefined) return undefined;
    const inner = argument(other, parseCidr, cidrOf);
    return inner && inner.bits >= cidr.bits && contains(cidr, inner.address);
  })
  .method("ip", 0, (target) => {
    const cidr = cidrOf(target);
    return cidr && ipValue(cidr.address);
  })
  .method("masked", 0, (target) => {
    const cidr = cidrOf(target);
    return cidr && cidrValue(masked(cidr));
  })
  .method("prefixLength", 0, (target) => {
    const cidr = cidrOf(target);
    return cidr && BigInt(cidr.bits);
  });
