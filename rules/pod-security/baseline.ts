import type { Rule } from "../../src/engine/api.js";
import apparmorUnconfined from "./apparmor-unconfined.js";
import capabilitiesBeyondBaseline from "./capabilities-beyond-baseline.js";
import hostIpc from "./host-ipc.js";
import hostNetwork from "./host-network.js";
import hostPathVolume from "./host-path-volume.js";
import hostPid from "./host-pid.js";
import hostPort from "./host-port.js";
import hostProcess from "./host-process.js";
import privilegedContainer from "./privileged-container.js";
import probeCustomHost from "./probe-custom-host.js";
import seccompUnconfined from "./seccomp-unconfined.js";
import selinuxCustomOptions from "./selinux-custom-options.js";
import unmaskedProcMount from "./unmasked-proc-mount.js";
import unsafeSysctls from "./unsafe-sysctls.js";

/** Pod Security Standards, baseline profile, sorted by id. */
export const BASELINE_RULES: readonly Rule[] = [
  apparmorUnconfined,
  capabilitiesBeyondBaseline,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  hostProcess,
  privilegedContainer,
  probeCustomHost,
  seccompUnconfined,
  selinuxCustomOptions,
  unmaskedProcMount,
  unsafeSysctls,
];
