/**
 * Capabilities the baseline profile lets a container add (the container runtimes' default set). Compared
 * exactly, as Pod Security admission does: `CAP_CHOWN` or `chown` are not in the set.
 */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);

/** The one capability the restricted profile lets a container add back after dropping ALL. */
export const RESTRICTED_ADDABLE_CAPABILITY = "NET_BIND_SERVICE";
