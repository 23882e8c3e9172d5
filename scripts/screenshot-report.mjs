// Renders the demo's compliance report and photographs it for docs/compliance.md (`npm run docs:screenshot`):
//   npm run build && node scripts/screenshot-report.mjs [OUT.png]   (default docs/compliance-report.png)
// Needs Debian's chromium (`apt-get install chromium`) or CHROMIUM pointing at a Chromium binary.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";

const out = path.resolve(process.argv[2] ?? "docs/compliance-report.png");
const dir = mkdtempSync(path.join(tmpdir(), "kubeward-screenshot-"));
try {
  const report = path.join(dir, "report.html");
  const args = ["dist/cli.cjs", "report", "fixtures/demo", "--framework", "pss-restricted", "--framework", "pci-dss", "--format", "html", "-o", report];
  const made = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, GITHUB_SHA: "" } });
  if (made.status !== 0) throw new Error(`kubeward report failed (exit ${made.status}): ${made.stderr}`);
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 1500, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(report).href);
    await page.screenshot({ path: out });
  } finally {
    await browser.close();
  }
  process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
