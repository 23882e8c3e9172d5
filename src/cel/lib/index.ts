/** Every function kubeward's CEL environment adds to @bufbuild/cel's standard ones. */
import { celFunc, CelScalar, type CelFunc } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { AUTHORIZER_FUNCTION, STEP_FUNCTION } from "../compile.js";
import { AUTHZ_FUNCTIONS, offline } from "./authz.js";

const { DYN } = CelScalar;

/** The comprehension step hook: costs one unit (charged by the resolver) and passes its argument on. */
const step = celFunc(STEP_FUNCTION, [DYN], DYN, (value) => value);

const authorizer = celFunc(AUTHORIZER_FUNCTION, [], DYN, () => {
  throw offline("authorizer");
});

export const LIBRARY_FUNCTIONS: CelFunc[] = [...strings, step, authorizer, ...AUTHZ_FUNCTIONS];
