import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeManifest, readManifest } from "../../src/manifest/read.js";

const dir = mkdtempSync(path.join(tmpdir(), "kubeward-read-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("decodeManifest", () => {
  it("decodes UTF-8 and drops a byte order mark", () => {
    expect(decodeManifest(Buffer.from("\uFEFFkind: Pod\n"), "f.yaml")).toEqual({ text: "kind: Pod\n" });
  });

  it("refuses binary files", () => {
    const result = decodeManifest(Buffer.from([0x41, 0x00, 0x42]), "f.yaml");
    expect(result).toMatchObject({ problem: { ruleId: "kubeward/unreadable-file", region: { startLine: 1, startColumn: 1 } } });
  });

  it("points at the first byte that is not UTF-8, past genuine replacement characters", () => {
    const bytes = Buffer.concat([Buffer.from("a: 1\nb: \uFFFD ok\nc: x"), Buffer.from([0xc3, 0x28]), Buffer.from("\n")]);
    const result = decodeManifest(bytes, "f.yaml");
    expect(result).toMatchObject({ problem: { ruleId: "kubeward/unreadable-file", region: { startLine: 3, startColumn: 5, endLine: 3, endColumn: 6 } } });
    expect("problem" in result && result.problem.message).toContain("not valid UTF-8");
  });
});

describe("readManifest", () => {
  it("reads a regular file", () => {
    writeFileSync(path.join(dir, "ok.yaml"), "kind: Pod\n");
    expect(readManifest(path.join(dir, "ok.yaml"), "ok.yaml")).toEqual({ text: "kind: Pod\n" });
  });

  it("reports a missing file and a broken symbolic link", () => {
    symlinkSync("nowhere.yaml", path.join(dir, "broken.yaml"));
    for (const name of ["missing.yaml", "broken.yaml"]) {
      expect(readManifest(path.join(dir, name), name)).toEqual({
        problem: { ruleId: "kubeward/unreadable-file", file: name, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }, message: "Cannot read the file: it does not exist (a broken symbolic link?)." },
      });
    }
  });

  it("reports a symbolic link loop", () => {
    symlinkSync("loop.yaml", path.join(dir, "loop.yaml"));
    expect(readManifest(path.join(dir, "loop.yaml"), "loop.yaml")).toMatchObject({ problem: { message: expect.stringContaining("symbolic link loop") as string } });
  });

  it("passes over a folder (reached through a link) instead of failing", () => {
    symlinkSync(".", path.join(dir, "folder.yaml"));
    expect(readManifest(path.join(dir, "folder.yaml"), "folder.yaml")).toEqual({ skip: "symbolic link to a folder; a glob does not follow links to folders" });
  });
});
