import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTool, toolEnvironment } from "../../src/expand/tools.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "kubeward-tools-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("the environment helm, kustomize and kubectl run in", () => {
  it("collects Go's garbage half as often, with a soft memory limit, unless the user set either", () => {
    expect(toolEnvironment({ PATH: "/bin" })).toEqual({ PATH: "/bin", GOGC: "200", GOMEMLIMIT: "512MiB" });
    expect(toolEnvironment({ PATH: "/bin", GOGC: "off" })).toEqual({ PATH: "/bin", GOGC: "off" });
    expect(toolEnvironment({ PATH: "/bin", GOMEMLIMIT: "2GiB" })).toEqual({ PATH: "/bin", GOMEMLIMIT: "2GiB" });
  });

  it.skipIf(process.platform === "win32")("is what a tool started by runTool sees, with the rest of this process's environment", async () => {
    const tool = path.join(dir, "print-env");
    writeFileSync(tool, '#!/bin/sh\necho "$GOGC $GOMEMLIMIT $HOME"\n');
    chmodSync(tool, 0o755);
    const run = await runTool(tool, [], dir);
    const expected = toolEnvironment(process.env);
    expect(run).toMatchObject({ code: 0, stdout: `${expected.GOGC ?? ""} ${expected.GOMEMLIMIT ?? ""} ${expected.HOME ?? ""}\n` });
    expect(expected.GOGC ?? expected.GOMEMLIMIT).toBeDefined();
  });
});
