import type { Rule } from "../../src/engine/api.js";
import containerRuntimeSocketMounted from "./container-runtime-socket-mounted.js";
import defaultNamespace from "./default-namespace.js";
import defaultServiceAccount from "./default-service-account.js";
import imageDigestMalformed from "./image-digest-malformed.js";
import imageNotPinnedByDigest from "./image-not-pinned-by-digest.js";
import imagePullPolicyNotAlways from "./image-pull-policy-not-always.js";
import imageRegistryImplicit from "./image-registry-implicit.js";
import imageRegistryInsecure from "./image-registry-insecure.js";
import imageRegistryNotAllowed from "./image-registry-not-allowed.js";
import latestImageTag from "./latest-image-tag.js";
import livenessProbeMissing from "./liveness-probe-missing.js";
import privilegedPort from "./privileged-port.js";
import readinessProbeMissing from "./readiness-probe-missing.js";
import resourceLimitsMissing from "./resource-limits-missing.js";
import resourceRequestsMissing from "./resource-requests-missing.js";
import serviceAccountTokenAutomounted from "./service-account-token-automounted.js";
import sshPort from "./ssh-port.js";
import writableRootFilesystem from "./writable-root-filesystem.js";

/** Workload hygiene: images, resources, probes, ports, service accounts and their tokens, runtime sockets, namespaces. Sorted by id. */
export const WORKLOAD_RULES: readonly Rule[] = [
  containerRuntimeSocketMounted,
  defaultNamespace,
  defaultServiceAccount,
  imageDigestMalformed,
  imageNotPinnedByDigest,
  imagePullPolicyNotAlways,
  imageRegistryImplicit,
  imageRegistryInsecure,
  imageRegistryNotAllowed,
  latestImageTag,
  livenessProbeMissing,
  privilegedPort,
  readinessProbeMissing,
  resourceLimitsMissing,
  resourceRequestsMissing,
  serviceAccountTokenAutomounted,
  sshPort,
  writableRootFilesystem,
];
