import type { Rule } from "../../src/engine/api.js";
import namespacePsaMissing from "./namespace-psa-missing.js";
import namespacePsaPrivileged from "./namespace-psa-privileged.js";
import namespacePsaVersionOld from "./namespace-psa-version-old.js";

/** Namespaces: the Pod Security admission labels they set. Sorted by id. */
export const NAMESPACE_RULES: readonly Rule[] = [namespacePsaMissing, namespacePsaPrivileged, namespacePsaVersionOld];
