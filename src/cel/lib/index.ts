/** Every function kubeward's CEL environment adds to @bufbuild/cel's standard ones. */
import { celFunc, CelScalar, type CelFunc } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { AUTHORIZER_FUNCTION, STEP_FUNCTION } from "../compile.js";
import { AUTHZ_FUNCTIONS, offline } from "./authz.js";
import { Library } from "./define.js";
import { FORMAT } from "./format.js";
import { IPS } from "./ip.js";
import { LISTS } from "./lists.js";
import { OPTIONALS } from "./optional.js";
import { QUANTITIES } from "./quantity.js";
import { MATCHES, MATCHES_FUNCTION, REGEX } from "./regex.js";
import { SEMVERS } from "./semver.js";
import { STRING_FIXES } from "./strings.js";
import { URLS } from "./url.js";

const { DYN } = CelScalar;

/** The comprehension step hook: costs one unit (charged by the resolver) and passes its argument on. */
const step = celFunc(STEP_FUNCTION, [DYN], DYN, (value) => value);

const authorizer = celFunc(AUTHORIZER_FUNCTION, [], DYN, () => {
  throw offline("authorizer");
});

export const LIBRARY_FUNCTIONS: CelFunc[] = [
  ...strings,
  ...STRING_FIXES,
  MATCHES,
  MATCHES_FUNCTION,
  step,
  authorizer,
  ...AUTHZ_FUNCTIONS,
  ...Library.build(LISTS, REGEX, URLS, IPS, QUANTITIES, SEMVERS, FORMAT, OPTIONALS),
];
