// The one place the policy stage reaches the CEL evaluator, so its entry point can move.
export { celVariables, compileCel, evaluateCel, type CelError, type CelProgram } from "../cel/index.js";
