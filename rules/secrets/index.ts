import type { Rule } from "../../src/engine/api.js";
import literalCredential from "./literal-credential.js";
import secretDataInManifest from "./secret-data-in-manifest.js";
import secretInEnv from "./secret-in-env.js";

/** Credentials in manifests: literal values, committed Secret data, long-lived tokens, Secrets in environment variables. Sorted by id. */
export const SECRET_RULES: readonly Rule[] = [literalCredential, secretDataInManifest, secretInEnv];
