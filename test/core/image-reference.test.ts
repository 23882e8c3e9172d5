import { describe, expect, it } from "vitest";
import { digestProblem, isLoopbackAddress, namesRegistry, parseImageReference, qualifiedName, registryAddress, usesLatestTag, type ImageReference } from "../../src/core/image-reference.js";

const DIGEST = "sha256:" + "a".repeat(64);

/** The reference of an image that must parse. */
function parsed(image: string): ImageReference {
  const reference = parseImageReference(image);
  if (!reference) throw new Error(`${image} does not parse`);
  return reference;
}

describe("parseImageReference", () => {
  it.each([
    ["nginx", { registry: "docker.io", repository: "library/nginx", tag: undefined, digest: undefined }],
    ["nginx:1.25", { registry: "docker.io", repository: "library/nginx", tag: "1.25", digest: undefined }],
    ["bitnami/redis:7.2", { registry: "docker.io", repository: "bitnami/redis", tag: "7.2", digest: undefined }],
    ["docker.io/nginx", { registry: "docker.io", repository: "library/nginx", tag: undefined, digest: undefined }],
    ["index.docker.io/acme/app:1", { registry: "docker.io", repository: "acme/app", tag: "1", digest: undefined }],
    ["registry:5000/app", { registry: "registry:5000", repository: "app", tag: undefined, digest: undefined }],
    ["localhost:5000/team/app:1.2", { registry: "localhost:5000", repository: "team/app", tag: "1.2", digest: undefined }],
    ["localhost/app", { registry: "localhost", repository: "app", tag: undefined, digest: undefined }],
    ["GHCR.io/acme/app:v1", { registry: "ghcr.io", repository: "acme/app", tag: "v1", digest: undefined }],
    [`app@${DIGEST}`, { registry: "docker.io", repository: "library/app", tag: undefined, digest: DIGEST }],
    [`app:latest@${DIGEST}`, { registry: "docker.io", repository: "library/app", tag: "latest", digest: DIGEST }],
    [
      `registry.example.com:443/a/b/c:2.0@${DIGEST}`,
      { registry: "registry.example.com:443", repository: "a/b/c", tag: "2.0", digest: DIGEST },
    ],
    ["[::1]:5000/app:3", { registry: "[::1]:5000", repository: "app", tag: "3", digest: undefined }],
    ["  nginx:1.25  ", { registry: "docker.io", repository: "library/nginx", tag: "1.25", digest: undefined }],
  ])("parses %s", (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
  });

  it.each(["", "app:", "app@", "app@latest", "App:1.0", "ghcr.io/", "a//b", "app:bad/tag", "app:-x", "bad_host.com/app"])("rejects %j", (image) => {
    expect(parseImageReference(image)).toBeUndefined();
  });
});

describe("usesLatestTag", () => {
  it.each([
    ["nginx", true],
    ["nginx:latest", true],
    ["registry:5000/app", true],
    ["nginx:Latest", false],
    ["nginx:1.25", false],
    [`nginx@${DIGEST}`, false],
    [`nginx:latest@${DIGEST}`, false],
  ])("%s -> %s", (image, expected) => {
    expect(usesLatestTag(parsed(image))).toBe(expected);
  });
});

describe("qualifiedName", () => {
  it("joins registry and repository", () => {
    expect(qualifiedName(parsed("nginx:1"))).toBe("docker.io/library/nginx");
    expect(qualifiedName(parsed("ghcr.io/acme/app:1"))).toBe("ghcr.io/acme/app");
  });
});

describe("digestProblem", () => {
  it.each([
    ["nginx:1", undefined],
    [`nginx@${DIGEST}`, undefined],
    ["nginx@sha256:abc", "malformedDigest"],
    ["nginx@sha1:abc", "unknownAlgorithm"],
    ["nginx@", "malformedDigest"],
  ])("%s -> %s", (image, expected) => {
    expect(digestProblem(image)?.problem).toBe(expected);
  });
});

describe("registryAddress and isLoopbackAddress", () => {
  it.each([
    ["10.0.0.5:5000", "10.0.0.5"],
    ["192.168.1.10", "192.168.1.10"],
    ["[fd00::1]:5000", "fd00::1"],
    ["256.1.1.1", undefined],
    ["10.0.0.5.nip.io", undefined],
    ["registry.example.com:5000", undefined],
  ])("%s -> %s", (registry, expected) => {
    expect(registryAddress(registry)).toBe(expected);
  });
  it("knows the loopback addresses", () => {
    expect([isLoopbackAddress("127.0.0.1"), isLoopbackAddress("127.1.2.3"), isLoopbackAddress("::1"), isLoopbackAddress("10.0.0.1")]).toEqual([true, true, true, false]);
  });
});

describe("namesRegistry", () => {
  it.each([
    ["nginx", false],
    ["bitnami/redis:7", false],
    ["docker.io/nginx", true],
    ["localhost/app", true],
    ["registry:5000/app", true],
    ["registry/app", false],
  ])("%s -> %s", (image, expected) => {
    expect(namesRegistry(image)).toBe(expected);
  });
});
