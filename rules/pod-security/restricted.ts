import type { Rule } from "../../src/engine/api.js";
import capabilitiesAdded from "./capabilities-added.js";
import capabilitiesNotDropped from "./capabilities-not-dropped.js";
import mayRunAsRoot from "./may-run-as-root.js";
import privilegeEscalationAllowed from "./privilege-escalation-allowed.js";
import restrictedVolumeType from "./restricted-volume-type.js";
import runAsUserRoot from "./run-as-user-root.js";
import seccompProfileMissing from "./seccomp-profile-missing.js";

/** Pod Security Standards, restricted profile (on top of baseline), sorted by id. */
export const RESTRICTED_RULES: readonly Rule[] = [
  capabilitiesAdded,
  capabilitiesNotDropped,
  mayRunAsRoot,
  privilegeEscalationAllowed,
  restrictedVolumeType,
  runAsUserRoot,
  seccompProfileMissing,
];
