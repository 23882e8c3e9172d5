import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import puppeteer, { type Browser, type Page } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliPath, ensureBuilt, repoRoot, type JsonFinding } from "../e2e/cli-harness.js";

// The HTML compliance report in a real browser: Debian's chromium, driven by puppeteer-core, opens
// the page from disk and the DOM is checked against `lint --format json` of the same input.

const SETUP_TIMEOUT_MS = 10 * 60_000;
const CHROMIUM = process.env.CHROMIUM ?? "chromium";
/** Where the reports and screenshots are left for a person to look at (gitignored). */
const OUTPUT = path.join(repoRoot, "test-output/report");

function mustRun(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { cwd: repoRoot, env, encoding: "utf8", timeout: SETUP_TIMEOUT_MS, maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** The chromium binary's path: Debian's package, installed when missing; a test that cannot have it fails, never skips. */
function ensureChromium(): string {
  const find = (): string | undefined => {
    const found = spawnSync("sh", ["-c", `command -v ${CHROMIUM}`], { encoding: "utf8" });
    return found.status === 0 ? found.stdout.trim() : undefined;
  };
  const existing = find();
  if (existing) return existing;
  if (process.getuid?.() !== 0) throw new Error("chromium is not installed, and only root can install it here: run `apt-get install chromium` (or set CHROMIUM to a Chromium binary).");
  const apt = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  mustRun("apt-get", ["update", "-qq"], apt);
  mustRun("apt-get", ["install", "-y", "-qq", "chromium"], apt);
  const installed = find();
  if (!installed) throw new Error("apt-get installed chromium, but `chromium` is still not on PATH.");
  return installed;
}

/** `kubeward report fixtures/demo ...` into OUTPUT/name; returns the file. */
function makeReport(name: string, frameworks: string[]): string {
  const file = path.join(OUTPUT, name);
  const args = ["report", "fixtures/demo", ...frameworks.flatMap((framework) => ["--framework", framework]), "--format", "html", "-o", path.relative(repoRoot, file)];
  // No GitHub variables: the links must be relative ones, to files on this disk.
  const env = { ...process.env, GITHUB_SERVER_URL: undefined, GITHUB_REPOSITORY: undefined, GITHUB_SHA: undefined };
  mustRun(process.execPath, [cliPath, ...args], env);
  return file;
}

interface RuleJson {
  id: string;
  frameworks: Array<{ framework: string; control: string }>;
}

/** Per control of `framework`, the unsuppressed findings `lint --format json` gives for the same input. */
function expectedFindings(selections: string[], framework: string, level?: (control: string) => boolean): Map<string, JsonFinding[]> {
  const args = ["lint", "fixtures/demo", ...selections.flatMap((selection) => ["--framework", selection]), "--format", "json", "--fail-on", "none"];
  const findings = (JSON.parse(mustRun(process.execPath, [cliPath, ...args])) as JsonFinding[]).filter((finding) => !finding.suppressed);
  const rules = (JSON.parse(mustRun(process.execPath, [cliPath, "rules", "--format", "json"])) as { rules: RuleJson[] }).rules;
  const controlsOf = new Map(rules.map((rule) => [rule.id, rule.frameworks.filter((ref) => ref.framework === framework && (level?.(ref.control) ?? true)).map((ref) => ref.control)]));
  const byControl = new Map<string, JsonFinding[]>();
  for (const finding of findings) {
    for (const control of controlsOf.get(finding.rule) ?? []) byControl.set(control, [...(byControl.get(control) ?? []), finding]);
  }
  return byControl;
}

/** What the page shows of one framework's section. */
interface SectionView {
  failing: Record<string, Array<{ severity: string; rule: string; location: string }>>;
  statuses: Record<string, string>;
  shown: number;
}

async function sectionView(page: Page, selection: string): Promise<SectionView> {
  return page.$eval(`section[data-framework="${selection}"]`, (section) => {
    const failing: SectionView["failing"] = {};
    const statuses: SectionView["statuses"] = {};
    for (const row of section.querySelectorAll<HTMLElement>("tr.control")) {
      const control = row.dataset.control ?? "";
      statuses[control] = row.dataset.status ?? "";
      if (row.dataset.status !== "fail") continue;
      const list = row.nextElementSibling as HTMLElement;
      failing[control] = [...list.querySelectorAll<HTMLElement>("tr[data-finding]")].map((finding) => ({
        severity: finding.dataset.severity ?? "",
        rule: finding.dataset.rule ?? "",
        location: finding.querySelector("td.location")?.textContent ?? "",
      }));
    }
    return { failing, statuses, shown: Number(section.querySelector("[data-shown-findings]")?.textContent) };
  });
}

/** The finding rows a person sees, as `data-finding` ids by severity. */
async function visibleFindings(page: Page): Promise<Array<{ id: string; severity: string; visible: boolean; framework: string }>> {
  return page.$$eval("tr[data-finding]", (rows) =>
    rows.map((row) => ({
      id: (row as HTMLElement).dataset.finding ?? "",
      severity: (row as HTMLElement).dataset.severity ?? "",
      visible: row.checkVisibility(),
      framework: row.closest("section")?.dataset.framework ?? "",
    })),
  );
}

const shownTotal = (page: Page): Promise<number> => page.$eval("[data-shown-total]", (element) => Number(element.textContent));

let browser: Browser | undefined;

beforeAll(async () => {
  const executablePath = ensureChromium();
  ensureBuilt();
  mkdirSync(OUTPUT, { recursive: true });
  browser = await puppeteer.launch({ executablePath, args: process.getuid?.() === 0 ? ["--no-sandbox"] : [] });
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
});

async function open(file: string): Promise<Page> {
  if (!browser) throw new Error("chromium did not start (see the set-up's error)");
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 1000 });
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(String(error)));
  // Nothing may be fetched: every request but the page itself is a failure.
  page.on("request", (request) => {
    if (request.url() !== pathToFileURL(file).href) failures.push(`requested ${request.url()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  expect(failures).toEqual([]);
  return page;
}

describe("the HTML compliance report in Chromium", () => {
  it("kubeward report fixtures/demo --framework pci-dss: counts match lint's JSON, links reach the files' lines", async () => {
    const file = makeReport("report.html", ["pci-dss"]);
    const page = await open(file);
    const view = await sectionView(page, "pci-dss");
    const expected = expectedFindings(["pci-dss"], "PCI-DSS");
    expect(Object.keys(view.failing).sort()).toEqual([...expected.keys()].sort());
    for (const [control, findings] of expected) {
      expect(view.failing[control].map((finding) => `${finding.location} ${finding.rule} ${finding.severity}`), control).toEqual(
        findings.map((finding) => `${finding.file}:${finding.region.startLine}:${finding.region.startColumn} ${finding.rule} ${finding.severity}`),
      );
    }
    const distinct = new Set([...expected.values()].flat());
    expect(view.shown).toBe(distinct.size);
    expect(await shownTotal(page)).toBe(distinct.size);
    expect(Object.values(view.statuses).every((status) => ["fail", "pass", "not-static", "not-checked"].includes(status))).toBe(true);

    const hrefs = await page.$$eval("td.location a", (links) => links.map((link) => (link).href));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const href of hrefs) {
      const url = new URL(href);
      expect(url.protocol).toBe("file:");
      expect(url.hash).toMatch(/^#L[1-9]\d*$/);
      url.hash = "";
      expect(existsSync(fileURLToPath(url)), href).toBe(true);
    }
    await page.screenshot({ path: path.join(OUTPUT, "report.png"), fullPage: true });
    await page.close();
  });

  it("the severity and framework filters hide exactly their rows and update the counts; printing shows everything", async () => {
    const file = makeReport("report-two-frameworks.html", ["pss-restricted", "pci-dss"]);
    const page = await open(file);
    const expected = expectedFindings(["pss-restricted", "pci-dss"], "PSS");
    expect((await sectionView(page, "pss-restricted")).failing).toEqual(
      Object.fromEntries([...expected].map(([control, findings]) => [control, findings.map((f) => ({ severity: f.severity, rule: f.rule, location: `${f.file}:${f.region.startLine}:${f.region.startColumn}` }))])),
    );
    const before = await visibleFindings(page);
    expect(before.every((row) => row.visible)).toBe(true);
    const total = new Set(before.map((row) => row.id)).size;
    expect(await shownTotal(page)).toBe(total);

    // A severity the demo has in both frameworks' rows.
    const severity = before.find((row) => row.severity === "high") ? "high" : before[0].severity;
    await page.click(`input[name=severity][value=${severity}]`);
    const filtered = await visibleFindings(page);
    for (const row of filtered) expect(row.visible, `${row.severity} row ${row.id}`).toBe(row.severity !== severity);
    const left = new Set(filtered.filter((row) => row.severity !== severity).map((row) => row.id)).size;
    expect(await shownTotal(page)).toBe(left);
    expect(left).toBeLessThan(total);
    const pssShown = new Set(filtered.filter((row) => row.framework === "pss-restricted" && row.visible).map((row) => row.id)).size;
    expect((await sectionView(page, "pss-restricted")).shown).toBe(pssShown);
    await page.screenshot({ path: path.join(OUTPUT, `report-without-${severity}.png`), fullPage: true });

    // On paper every row shows, filters or not, and the filters do not.
    await page.emulateMediaType("print");
    expect((await visibleFindings(page)).every((row) => row.visible)).toBe(true);
    expect(await page.$eval("form.filters", (form) => form.checkVisibility())).toBe(false);
    await page.emulateMediaType("screen");

    await page.click(`input[name=severity][value=${severity}]`);
    expect((await visibleFindings(page)).every((row) => row.visible)).toBe(true);
    expect(await shownTotal(page)).toBe(total);

    await page.click("input[name=framework][value=pci-dss]");
    const sections = await page.$$eval("section[data-framework]", (all) => all.map((section) => [(section).dataset.framework, section.checkVisibility()]));
    expect(sections).toEqual([
      ["pss-restricted", true],
      ["pci-dss", false],
    ]);
    const pssOnly = new Set(before.filter((row) => row.framework === "pss-restricted").map((row) => row.id)).size;
    expect(await shownTotal(page)).toBe(pssOnly);
    await page.close();
  });
});
