import type { Rule } from "../../src/engine/api.js";
import apiserverAlwaysAdmitEnabled from "./apiserver-always-admit-enabled.js";
import apiserverAlwaysPullImagesMissing from "./apiserver-always-pull-images-missing.js";
import apiserverAnonymousAuthEnabled from "./apiserver-anonymous-auth-enabled.js";
import apiserverAuditLogMaxageLow from "./apiserver-audit-log-maxage-low.js";
import apiserverAuditLogMaxbackupLow from "./apiserver-audit-log-maxbackup-low.js";
import apiserverAuditLogMaxsizeLow from "./apiserver-audit-log-maxsize-low.js";
import apiserverAuditLogPathMissing from "./apiserver-audit-log-path-missing.js";
import apiserverAuditPolicyFileMissing from "./apiserver-audit-policy-file-missing.js";
import apiserverAuthorizationAlwaysAllow from "./apiserver-authorization-always-allow.js";
import apiserverAuthorizationNodeMissing from "./apiserver-authorization-node-missing.js";
import apiserverAuthorizationRbacMissing from "./apiserver-authorization-rbac-missing.js";
import apiserverBasicAuthFile from "./apiserver-basic-auth-file.js";
import apiserverClientCaFileMissing from "./apiserver-client-ca-file-missing.js";
import apiserverDenyServiceExternalIpsMissing from "./apiserver-deny-service-external-ips-missing.js";
import apiserverEncryptionProviderConfigMissing from "./apiserver-encryption-provider-config-missing.js";
import apiserverEtcdCafileMissing from "./apiserver-etcd-cafile-missing.js";
import apiserverEtcdCertfileMissing from "./apiserver-etcd-certfile-missing.js";
import apiserverEtcdKeyfileMissing from "./apiserver-etcd-keyfile-missing.js";
import apiserverEventRateLimitMissing from "./apiserver-event-rate-limit-missing.js";
import apiserverImagePolicyWebhookMissing from "./apiserver-image-policy-webhook-missing.js";
import apiserverInsecureBindAddress from "./apiserver-insecure-bind-address.js";
import apiserverInsecurePortEnabled from "./apiserver-insecure-port-enabled.js";
import apiserverKubeletCertificateAuthorityMissing from "./apiserver-kubelet-certificate-authority-missing.js";
import apiserverKubeletClientCertificateMissing from "./apiserver-kubelet-client-certificate-missing.js";
import apiserverKubeletClientKeyMissing from "./apiserver-kubelet-client-key-missing.js";
import apiserverKubeletHttpsDisabled from "./apiserver-kubelet-https-disabled.js";
import apiserverNamespaceLifecycleDisabled from "./apiserver-namespace-lifecycle-disabled.js";
import apiserverNodeRestrictionMissing from "./apiserver-node-restriction-missing.js";
import apiserverProfilingEnabled from "./apiserver-profiling-enabled.js";
import apiserverRequestTimeoutInvalid from "./apiserver-request-timeout-invalid.js";
import apiserverSecurePortDisabled from "./apiserver-secure-port-disabled.js";
import apiserverServiceAccountIssuerMissing from "./apiserver-service-account-issuer-missing.js";
import apiserverServiceAccountKeyFileMissing from "./apiserver-service-account-key-file-missing.js";
import apiserverServiceAccountLookupDisabled from "./apiserver-service-account-lookup-disabled.js";
import apiserverServiceAccountPluginDisabled from "./apiserver-service-account-plugin-disabled.js";
import apiserverServiceAccountSigningKeyFileMissing from "./apiserver-service-account-signing-key-file-missing.js";
import apiserverTlsCertFileMissing from "./apiserver-tls-cert-file-missing.js";
import apiserverTlsMinVersionLow from "./apiserver-tls-min-version-low.js";
import apiserverTlsPrivateKeyFileMissing from "./apiserver-tls-private-key-file-missing.js";
import apiserverTokenAuthFile from "./apiserver-token-auth-file.js";
import apiserverWeakTlsCipherSuites from "./apiserver-weak-tls-cipher-suites.js";
import auditPolicyLogsSensitiveBodies from "./audit-policy-logs-sensitive-bodies.js";
import auditPolicyNoCatchAll from "./audit-policy-no-catch-all.js";
import auditPolicyNoRules from "./audit-policy-no-rules.js";
import auditPolicyOmitsResponse from "./audit-policy-omits-response.js";
import controllerManagerBindAddressExposed from "./controller-manager-bind-address-exposed.js";
import controllerManagerProfilingEnabled from "./controller-manager-profiling-enabled.js";
import controllerManagerRootCaFileMissing from "./controller-manager-root-ca-file-missing.js";
import controllerManagerRotateKubeletServerCertificateDisabled from "./controller-manager-rotate-kubelet-server-certificate-disabled.js";
import controllerManagerServiceAccountCredentialsDisabled from "./controller-manager-service-account-credentials-disabled.js";
import controllerManagerServiceAccountPrivateKeyFileMissing from "./controller-manager-service-account-private-key-file-missing.js";
import controllerManagerTerminatedPodGcThresholdMissing from "./controller-manager-terminated-pod-gc-threshold-missing.js";
import encryptionIdentityFirst from "./encryption-identity-first.js";
import encryptionKeyInline from "./encryption-key-inline.js";
import encryptionSecretsNotCovered from "./encryption-secrets-not-covered.js";
import encryptionWeakProvider from "./encryption-weak-provider.js";
import etcdAutoTlsEnabled from "./etcd-auto-tls-enabled.js";
import etcdCertFileMissing from "./etcd-cert-file-missing.js";
import etcdClientCertAuthDisabled from "./etcd-client-cert-auth-disabled.js";
import etcdKeyFileMissing from "./etcd-key-file-missing.js";
import etcdPeerAutoTlsEnabled from "./etcd-peer-auto-tls-enabled.js";
import etcdPeerCertFileMissing from "./etcd-peer-cert-file-missing.js";
import etcdPeerClientCertAuthDisabled from "./etcd-peer-client-cert-auth-disabled.js";
import etcdPeerKeyFileMissing from "./etcd-peer-key-file-missing.js";
import kubeProxyMetricsBindAddressExposed from "./kube-proxy-metrics-bind-address-exposed.js";
import kubeletAnonymousAuth from "./kubelet-anonymous-auth.js";
import kubeletAuthorizationAlwaysAllow from "./kubelet-authorization-always-allow.js";
import kubeletCertificateRotationDisabled from "./kubelet-certificate-rotation-disabled.js";
import kubeletClientCaMissing from "./kubelet-client-ca-missing.js";
import kubeletEventQpsLow from "./kubelet-event-qps-low.js";
import kubeletIptablesChainsDisabled from "./kubelet-iptables-chains-disabled.js";
import kubeletPodPidsUnlimited from "./kubelet-pod-pids-unlimited.js";
import kubeletProtectKernelDefaults from "./kubelet-protect-kernel-defaults.js";
import kubeletReadOnlyPort from "./kubelet-read-only-port.js";
import kubeletSeccompDefaultDisabled from "./kubelet-seccomp-default-disabled.js";
import kubeletServerCertificateNotRotated from "./kubelet-server-certificate-not-rotated.js";
import kubeletStreamingTimeoutDisabled from "./kubelet-streaming-timeout-disabled.js";
import kubeletTlsKeyPairIncomplete from "./kubelet-tls-key-pair-incomplete.js";
import kubeletWeakTls from "./kubelet-weak-tls.js";
import schedulerBindAddressExposed from "./scheduler-bind-address-exposed.js";
import schedulerProfilingEnabled from "./scheduler-profiling-enabled.js";

/** The control plane and the nodes: the flags of the API server, etcd, the controller manager, the scheduler and the kubelet (static pods, kubeadm), KubeletConfiguration, EncryptionConfiguration and the audit Policy. Sorted by id. */
export const CONTROL_PLANE_RULES: readonly Rule[] = [
  apiserverAlwaysAdmitEnabled,
  apiserverAlwaysPullImagesMissing,
  apiserverAnonymousAuthEnabled,
  apiserverAuditLogMaxageLow,
  apiserverAuditLogMaxbackupLow,
  apiserverAuditLogMaxsizeLow,
  apiserverAuditLogPathMissing,
  apiserverAuditPolicyFileMissing,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuthorizationNodeMissing,
  apiserverAuthorizationRbacMissing,
  apiserverBasicAuthFile,
  apiserverClientCaFileMissing,
  apiserverDenyServiceExternalIpsMissing,
  apiserverEncryptionProviderConfigMissing,
  apiserverEtcdCafileMissing,
  apiserverEtcdCertfileMissing,
  apiserverEtcdKeyfileMissing,
  apiserverEventRateLimitMissing,
  apiserverImagePolicyWebhookMissing,
  apiserverInsecureBindAddress,
  apiserverInsecurePortEnabled,
  apiserverKubeletCertificateAuthorityMissing,
  apiserverKubeletClientCertificateMissing,
  apiserverKubeletClientKeyMissing,
  apiserverKubeletHttpsDisabled,
  apiserverNamespaceLifecycleDisabled,
  apiserverNodeRestrictionMissing,
  apiserverProfilingEnabled,
  apiserverRequestTimeoutInvalid,
  apiserverSecurePortDisabled,
  apiserverServiceAccountIssuerMissing,
  apiserverServiceAccountKeyFileMissing,
  apiserverServiceAccountLookupDisabled,
  apiserverServiceAccountPluginDisabled,
  apiserverServiceAccountSigningKeyFileMissing,
  apiserverTlsCertFileMissing,
  apiserverTlsMinVersionLow,
  apiserverTlsPrivateKeyFileMissing,
  apiserverTokenAuthFile,
  apiserverWeakTlsCipherSuites,
  auditPolicyLogsSensitiveBodies,
  auditPolicyNoCatchAll,
  auditPolicyNoRules,
  auditPolicyOmitsResponse,
  controllerManagerBindAddressExposed,
  controllerManagerProfilingEnabled,
  controllerManagerRootCaFileMissing,
  controllerManagerRotateKubeletServerCertificateDisabled,
  controllerManagerServiceAccountCredentialsDisabled,
  controllerManagerServiceAccountPrivateKeyFileMissing,
  controllerManagerTerminatedPodGcThresholdMissing,
  encryptionIdentityFirst,
  encryptionKeyInline,
  encryptionSecretsNotCovered,
  encryptionWeakProvider,
  etcdAutoTlsEnabled,
  etcdCertFileMissing,
  etcdClientCertAuthDisabled,
  etcdKeyFileMissing,
  etcdPeerAutoTlsEnabled,
  etcdPeerCertFileMissing,
  etcdPeerClientCertAuthDisabled,
  etcdPeerKeyFileMissing,
  kubeProxyMetricsBindAddressExposed,
  kubeletAnonymousAuth,
  kubeletAuthorizationAlwaysAllow,
  kubeletCertificateRotationDisabled,
  kubeletClientCaMissing,
  kubeletEventQpsLow,
  kubeletIptablesChainsDisabled,
  kubeletPodPidsUnlimited,
  kubeletProtectKernelDefaults,
  kubeletReadOnlyPort,
  kubeletSeccompDefaultDisabled,
  kubeletServerCertificateNotRotated,
  kubeletStreamingTimeoutDisabled,
  kubeletTlsKeyPairIncomplete,
  kubeletWeakTls,
  schedulerBindAddressExposed,
  schedulerProfilingEnabled,
];
