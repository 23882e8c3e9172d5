/**
 * Kubernetes' authz library (`authorizer.group(...).resource(...).check(...).allowed()` and friends)
 * asks the API server's authorizer, which a linter does not have. The names exist so that an
 * expression using them compiles; evaluating any of them fails and says why.
 */
import { celMethod, CelScalar } from "@bufbuild/cel";
import { CelFunctionError } from "../runtime.js";

const { DYN } = CelScalar;

export function offline(functionName: string): CelFunctionError {
  return new CelFunctionError(`${functionName}: authorization checks cannot be evaluated offline (no API server to ask)`, functionName);
}

/** Methods of the authz library and their arities (k8s.io/apiserver/pkg/cel/library/authz.go). */
const METHODS: ReadonlyArray<readonly [string, number]> = [
  ["path", 1],
  ["group", 1],
  ["serviceAccount", 2],
  ["resource", 1],
  ["subresource", 1],
  ["namespace", 1],
  ["name", 1],
  ["check", 1],
  ["allowed", 0],
  ["reason", 0],
  ["errored", 0],
  ["error", 0],
  ["fieldSelector", 1],
  ["labelSelector", 1],
];

export const AUTHZ_FUNCTIONS = METHODS.map(([name, arity]) =>
  celMethod(name, DYN, Array.from({ length: arity }, () => DYN), DYN, () => {
    throw offline(`authorizer.${name}`);
  }),
);
