import { describe, expect, it } from "vitest";
import { blobBaseOf, locationLinker } from "../../src/report/links.js";
import { finding } from "./compliance-fixture.js";

const at = (file: string) => finding("privileged", { file, region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 9 } });

describe("locationLinker", () => {
  it("links relative to the report's folder, with #L and the path's segments encoded", () => {
    const link = locationLinker({ cwd: "/repo", reportDir: "/repo/out" });
    expect(link(at("k8s/web.yaml"))).toBe("../k8s/web.yaml#L12");
    expect(link(at("k8s/my app#1.yaml"))).toBe("../k8s/my%20app%231.yaml#L12");
    expect(locationLinker({ cwd: "/repo/k8s", reportDir: "/repo/k8s" })(at("../charts/x.yaml"))).toBe("../charts/x.yaml#L12");
  });

  it("links to the commit's file when the repository is known, relative again for a file outside it", () => {
    const link = locationLinker({ cwd: "/repo/deploy", reportDir: "/tmp", blobBase: "https://github.com/acme/repo/blob/abc", repositoryBase: "deploy" });
    expect(link(at("k8s/web.yaml"))).toBe("https://github.com/acme/repo/blob/abc/deploy/k8s/web.yaml#L12");
    expect(link(at("../charts/x.yaml"))).toBe("https://github.com/acme/repo/blob/abc/charts/x.yaml#L12");
    expect(link(at("../../elsewhere/x.yaml"))).toBe("../elsewhere/x.yaml#L12");
  });

  it("has no link for standard input or a finding without a file", () => {
    const link = locationLinker({ cwd: "/repo", reportDir: "/repo" });
    expect(link(at("-"))).toBeUndefined();
    expect(link(at(""))).toBeUndefined();
  });

  it("takes the blob base from a GitHub runner's variables, only when all three are set", () => {
    expect(blobBaseOf({ GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/repo", GITHUB_SHA: "abc" })).toBe("https://github.com/acme/repo/blob/abc");
    expect(blobBaseOf({ GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/repo" })).toBeUndefined();
  });
});
