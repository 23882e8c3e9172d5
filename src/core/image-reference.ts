/** A container image reference split the way container runtimes read it. */
export interface ImageReference {
  /** Registry host, with its port if any; "docker.io" for Docker Hub. */
  readonly registry: string;
  /** Repository path inside the registry; Docker Hub official images get their implicit "library/". */
  readonly repository: string;
  readonly tag?: string;
  /** "algorithm:hex", when the image is pinned by digest. */
  readonly digest?: string;
}

const DOCKER_HUB = "docker.io";
/** Other names of Docker Hub that resolve to the same registry. */
const DOCKER_HUB_ALIASES = new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[A-Za-z0-9=_-]{32,}$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST_LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
const HOST = new RegExp(`^(?:${HOST_LABEL}(?:\\.${HOST_LABEL})*|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]+)?$`);

/** Whether the first path component names a registry host rather than a Docker Hub namespace. */
function isRegistryHost(component: string): boolean {
  return component.includes(".") || component.includes(":") || component === "localhost";
}

/** Lower-cased registry host, with Docker Hub's aliases folded into "docker.io". */
export function normalizeRegistry(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower;
}

/** Parsed references by image text: a repository uses few distinct images across many objects. */
const parsedImages = new Map<string, ImageReference | undefined>();
const PARSED_IMAGES_LIMIT = 10_000;

/**
 * Parses `[registry[:port]/]path[:tag][@digest]`. A colon counts as a tag separator only after the last
 * slash, so `registry:5000/app` has no tag. Returns undefined for text that is not a valid reference.
 */
export function parseImageReference(image: string): ImageReference | undefined {
  if (parsedImages.has(image)) return parsedImages.get(image);
  const reference = parseUncached(image);
  if (parsedImages.size >= PARSED_IMAGES_LIMIT) parsedImages.clear();
  parsedImages.set(image, reference);
  return reference;
}

function parseUncached(image: string): ImageReference | undefined {
  const text = image.trim();
  let name = text;
  let digest: string | undefined;
  const at = text.indexOf("@");
  if (at !== -1) {
    digest = text.slice(at + 1);
    name = text.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const components = name.split("/");
  let registry = DOCKER_HUB;
  const host = components[0];
  if (components.length > 1 && isRegistryHost(host)) {
    if (!HOST.test(host)) return undefined;
    registry = normalizeRegistry(host);
    components.shift();
  }
  if (registry === DOCKER_HUB && components.length === 1) components.unshift("library");
  if (components.length === 0 || !components.every((component) => PATH_COMPONENT.test(component))) return undefined;
  return { registry, repository: components.join("/"), tag, digest };
}

/** Whether the image resolves to a mutable tag: no tag at all (which means latest) or `latest`, and no digest. */
export function usesLatestTag(reference: ImageReference): boolean {
  return reference.digest === undefined && (reference.tag === undefined || reference.tag === "latest");
}

/** `registry/repository`, the name an allow-list entry is matched against. */
export function qualifiedName(reference: ImageReference): string {
  return `${reference.registry}/${reference.repository}`;
}

/** Hex lengths of the digest algorithms the OCI image spec registers (and go-digest, which runtimes use, accepts). */
const DIGEST_HEX_LENGTHS: ReadonlyMap<string, number> = new Map([
  ["sha256", 64],
  ["sha384", 96],
  ["sha512", 128],
]);

export type DigestProblem =
  | { problem: "unknownAlgorithm"; digest: string; algorithm: string }
  | { problem: "malformedDigest"; digest: string; expected: string };

/**
 * What is wrong with the digest after `@` in an image text, read as runtimes read it: an algorithm
 * the OCI spec registers, then exactly its length of lowercase hex. Undefined without `@` or when the digest is valid.
 */
export function digestProblem(image: string): DigestProblem | undefined {
  const at = image.indexOf("@");
  if (at === -1) return undefined;
  const digest = image.slice(at + 1).trim();
  const colon = digest.indexOf(":");
  const algorithm = colon === -1 ? "" : digest.slice(0, colon);
  const length = DIGEST_HEX_LENGTHS.get(algorithm);
  if (algorithm !== "" && length === undefined) return { problem: "unknownAlgorithm", digest, algorithm };
  const expected = `${algorithm || "sha256"}: followed by ${length ?? 64} lowercase hex characters`;
  if (length !== undefined && new RegExp(`^[a-f0-9]{${length}}$`).test(digest.slice(colon + 1))) return undefined;
  return { problem: "malformedDigest", digest, expected };
}

const IPV4 = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The address of a registry host given as an IP literal (`10.0.0.5:5000` → `10.0.0.5`, `[fd00::1]:5000` → `fd00::1`); undefined for a name. */
export function registryAddress(registry: string): string | undefined {
  if (registry.startsWith("[")) return registry.slice(1, registry.indexOf("]"));
  const host = registry.replace(/:\d+$/, "");
  return IPV4.test(host) ? host : undefined;
}

/** Whether an address is the node's own loopback, where pulls never leave the node. */
export function isLoopbackAddress(address: string): boolean {
  return address.startsWith("127.") || address === "::1";
}

/** Whether a valid image text names its registry (`docker.io/nginx`, `localhost/app`) rather than leaving Docker Hub implied (`nginx`, `bitnami/redis`). */
export function namesRegistry(image: string): boolean {
  const components = image.trim().split("@")[0].split("/");
  return components.length > 1 && isRegistryHost(components[0]);
}
