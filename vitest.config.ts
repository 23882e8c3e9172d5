import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/** Tests of pure functions over in-memory input: they share module state safely, so they skip per-file isolation. */
const UNIT_TESTS = ["test/core/**/*.test.ts", "test/manifest/**/*.test.ts", "test/engine/**/*.test.ts", "test/rules/**/*.test.ts", "test/meta/**/*.test.ts"];

export default defineConfig({
  test: {
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    testTimeout: 60_000,
    // Most of the suite's time is spent waiting on helm and kubectl processes, so more workers than
    // spare CPUs pays (figures and how they were measured: docs/performance.md).
    maxWorkers: Math.max(3, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: "unit", include: UNIT_TESTS, isolate: false } },
      // Tests that spawn tools, write files or change the environment keep a fresh module graph per file.
      { extends: true, test: { name: "integration", include: ["test/**/*.test.ts"], exclude: UNIT_TESTS } },
    ],
  },
});
