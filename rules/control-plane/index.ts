import type { Rule } from "../../src/engine/api.js";
import auditPolicyLogsSensitiveBodies from "./audit-policy-logs-sensitive-bodies.js";
import auditPolicyNoCatchAll from "./audit-policy-no-catch-all.js";
import auditPolicyNoRules from "./audit-policy-no-rules.js";
import auditPolicyOmitsResponse from "./audit-policy-omits-response.js";
import encryptionIdentityFirst from "./encryption-identity-first.js";
import encryptionKeyInline from "./encryption-key-inline.js";
import encryptionSecretsNotCovered from "./encryption-secrets-not-covered.js";
import encryptionWeakProvider from "./encryption-weak-provider.js";
import kubeletAnonymousAuth from "./kubelet-anonymous-auth.js";
import kubeletAuthorizationAlwaysAllow from "./kubelet-authorization-always-allow.js";
import kubeletCertificateRotationDisabled from "./kubelet-certificate-rotation-disabled.js";
import kubeletClientCaMissing from "./kubelet-client-ca-missing.js";
import kubeletIptablesChainsDisabled from "./kubelet-iptables-chains-disabled.js";
import kubeletProtectKernelDefaults from "./kubelet-protect-kernel-defaults.js";
import kubeletReadOnlyPort from "./kubelet-read-only-port.js";
import kubeletServerCertificateNotRotated from "./kubelet-server-certificate-not-rotated.js";
import kubeletStreamingTimeoutDisabled from "./kubelet-streaming-timeout-disabled.js";
import kubeletWeakTls from "./kubelet-weak-tls.js";

/** The control plane and the nodes as configuration files show them: KubeletConfiguration and kubelet command lines, EncryptionConfiguration, audit Policy. Sorted by id. */
export const CONTROL_PLANE_RULES: readonly Rule[] = [
  auditPolicyLogsSensitiveBodies,
  auditPolicyNoCatchAll,
  auditPolicyNoRules,
  auditPolicyOmitsResponse,
  encryptionIdentityFirst,
  encryptionKeyInline,
  encryptionSecretsNotCovered,
  encryptionWeakProvider,
  kubeletAnonymousAuth,
  kubeletAuthorizationAlwaysAllow,
  kubeletCertificateRotationDisabled,
  kubeletClientCaMissing,
  kubeletIptablesChainsDisabled,
  kubeletProtectKernelDefaults,
  kubeletReadOnlyPort,
  kubeletServerCertificateNotRotated,
  kubeletStreamingTimeoutDisabled,
  kubeletWeakTls,
];
