/**
 * Kubernetes' semver library (https://kubernetes.io/docs/reference/using-api/cel/#kubernetes-semver-library):
 * semver(string[, normalize]), isSemver(string[, normalize]), major, minor, patch, isGreaterThan,
 * isLessThan, compareTo. Versions follow semver.org 2.0.0 as blang/semver parses them (no leading zeros,
 * prerelease precedence, build metadata ignored in comparisons); `normalize` drops a leading "v", pads
 * missing minor/patch with 0 and strips leading zeros, as the library documents.
 */
import type { CelValue } from "@bufbuild/cel";
import { opaque } from "../values.js";
import { asBool, asOpaque, asString, fail, Library } from "./define.js";

export interface Semver {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly prerelease: readonly string[];
  readonly build: readonly string[];
}

const NUMBER = /^(0|[1-9][0-9]*)$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;

export function parseSemver(text: string): Semver | string {
  const plus = text.indexOf("+");
  const core = plus < 0 ? text : text.slice(0, plus);
  const build = plus < 0 ? [] : text.slice(plus + 1).split(".");
  const dash = core.indexOf("-");
  const main = dash < 0 ? core : core.slice(0, dash);
  const prerelease = dash < 0 ? [] : core.slice(dash + 1).split(".");
  const parts = main.split(".");
  if (parts.length !== 3) return "No Major.Minor.Patch elements found";
  const names = ["Major", "Minor", "Patch"];
  for (const [i, part] of parts.entries()) {
    if (!/^[0-9]+$/.test(part)) return `Invalid character(s) found in ${names[i].toLowerCase()} number ${JSON.stringify(part)}`;
    if (!NUMBER.test(part)) return `${names[i]} number must not contain leading zeroes ${JSON.stringify(part)}`;
  }
  for (const id of prerelease) {
    if (!IDENTIFIER.test(id)) return `Invalid character(s) found in prerelease ${JSON.stringify(id)}`;
    if (/^[0-9]+$/.test(id) && !NUMBER.test(id)) return `Numeric PreRelease version must not contain leading zeroes ${JSON.stringify(id)}`;
  }
  for (const id of build) {
    if (!IDENTIFIER.test(id)) return `Invalid character(s) found in build meta data ${JSON.stringify(id)}`;
  }
  return { major: BigInt(parts[0]), minor: BigInt(parts[1]), patch: BigInt(parts[2]), prerelease, build };
}

/** The library's normalization before parsing (a leading "v", short versions, leading zeros). */
function normalizeAndParse(text: string): Semver | string {
  const parts = text.replace(/^v/, "").split(".");
  const head = parts.slice(0, 2);
  const rest = parts.slice(2).join(".");
  const pieces = parts.length > 2 ? [...head, rest] : head;
  const cleaned = pieces.map((part) => {
    if (part.length <= 1) return part;
    const trimmed = part.replace(/^0+/, "");
    return trimmed === "" || !/^[0-9]/.test(trimmed) ? `0${trimmed}` : trimmed;
  });
  if (cleaned.length < 3) {
    if (/[+-]/.test(cleaned[cleaned.length - 1])) return "short version cannot contain PreRelease/Build meta data";
    while (cleaned.length < 3) cleaned.push("0");
  }
  return parseSemver(cleaned.join("."));
}

function compareIdentifiers(a: string, b: string): number {
  const numericA = /^[0-9]+$/.test(a);
  const numericB = /^[0-9]+$/.test(b);
  if (numericA && numericB) return Math.sign(Number(BigInt(a) - BigInt(b)));
  if (numericA) return -1;
  if (numericB) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareSemver(a: Semver, b: Semver): number {
  for (const key of ["major", "minor", "patch"] as const) {
    if (a[key] !== b[key]) return a[key] < b[key] ? -1 : 1;
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifiers(a.prerelease[i], b.prerelease[i]);
    if (order !== 0) return order;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}

const KIND = "semver";

function semverValue(version: Semver): CelValue {
  const core = `${version.major}.${version.minor}.${version.patch}${version.prerelease.length ? `-${version.prerelease.join(".")}` : ""}`;
  const text = `${core}${version.build.length ? `+${version.build.join(".")}` : ""}`;
  // build metadata does not take part in equality, as in Semver.Equal
  return opaque(KIND, version, core, () => text);
}

const semverOf = (value: CelValue): Semver | undefined => asOpaque<Semver>(value, KIND);

function parse(value: CelValue, normalize: CelValue | undefined): Semver | string | undefined {
  const text = asString(value);
  const norm = normalize === undefined ? false : asBool(normalize);
  if (text === undefined || norm === undefined) return undefined;
  return norm ? normalizeAndParse(text) : parseSemver(text);
}

function toSemver(value: CelValue, normalize?: CelValue): CelValue | undefined {
  const parsed = parse(value, normalize);
  if (typeof parsed === "string") fail(parsed);
  return parsed && semverValue(parsed);
}

function isSemver(value: CelValue, normalize?: CelValue): boolean | undefined {
  const parsed = parse(value, normalize);
  return parsed === undefined ? undefined : typeof parsed !== "string";
}

const compared = (test: (order: number) => boolean | bigint) => (target: CelValue, [other]: readonly CelValue[]) => {
  const a = semverOf(target);
  const b = semverOf(other);
  return a && b && test(compareSemver(a, b));
};

export const SEMVERS = new Library()
  .func("semver", 1, ([value]) => toSemver(value))
  .func("semver", 2, ([value, normalize]) => toSemver(value, normalize))
  .func("isSemver", 1, ([value]) => isSemver(value))
  .func("isSemver", 2, ([value, normalize]) => isSemver(value, normalize))
  .method("major", 0, (target) => semverOf(target)?.major)
  .method("minor", 0, (target) => semverOf(target)?.minor)
  .method("patch", 0, (target) => semverOf(target)?.patch)
  .method("isGreaterThan", 1, compared((order) => order > 0))
  .method("isLessThan", 1, compared((order) => order < 0))
  .method("compareTo", 1, compared((order) => BigInt(order)));
