import { describe, expect, it } from "vitest";
import { DOCS_BASE_URL } from "../../src/core/rule-meta.js";
import type { Finding } from "../../src/engine/finding.js";
import { formatHtml } from "../../src/report/html.js";
import { DATA, finding, report } from "./compliance-fixture.js";

const link = (f: Finding): string => `../${f.file}#L${f.region.startLine}`;

describe("formatHtml", () => {
  const nasty = finding("privileged", {
    message: `container "<script>alert('x')</script>" runs privileged & "quoted".`,
    object: { apiVersion: "v1", kind: "Pod", name: "<script>alert(1)</script>", namespace: `"><img src=x onerror=alert(2)>` },
  });
  const plain = finding("runs-as-root");
  const html = formatHtml(report([nasty, plain]), link, { generatedAt: new Date("2026-12-03T14:00:00Z") });

  it("escapes every text from the run: a <script> in a resource name stays text", () => {
    // The only script element is the page's own.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain("<img");
    expect(html).toContain("Pod/<wbr>&#34;&#62;&#60;img src=x onerror=alert(2)&#62;/<wbr>&#60;script&#62;alert(1)&#60;/<wbr>script&#62;");
    expect(html).toContain("container &#34;&#60;script&#62;alert(&#39;x&#39;)&#60;/script&#62;&#34; runs privileged &#38; &#34;quoted&#34;.");
  });

  it("is self-contained: nothing loaded from anywhere, and every outside URL a link to click", () => {
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio)\b/i);
    const urls = [...html.matchAll(/(\w+)="(https?:[^"]*)"/g)];
    // Outside URLs are the rules' documentation and the frameworks' pages, in <a href>; finding links here are relative.
    for (const [, attribute, url] of urls) {
      expect(attribute).toBe("href");
      expect(url.startsWith(`${DOCS_BASE_URL}/`) || Object.values(DATA).some((data) => data.informationUri === url), url).toBe(true);
    }
    expect(html).toContain(`<a class="mono" href="../deploy/app.yaml#L${plain.region.startLine}">deploy/<wbr>app.yaml:${plain.region.startLine}:3</a>`);
  });

  it("has data-* hooks on frameworks, controls and findings", () => {
    expect(html).toContain('<section class="framework" data-framework="pci-dss" id="framework-pci-dss">');
    expect(html).toContain('<tr class="control" data-control="2.2" data-status="fail" data-coverage="partial">');
    expect(html).toContain('<tr class="control" data-control="12.1" data-status="not-static" data-coverage="not-static">');
    expect(html).toContain('<tr class="control" data-control="8.3" data-status="not-checked" data-coverage="checked">');
    expect(html).toMatch(/<tr data-finding="\d+" data-severity="medium" data-rule="runs-as-root">/);
    expect(html.match(/<input type="checkbox" name="severity"/g)).toHaveLength(4);
    expect(html.match(/<input type="checkbox" name="framework"/g)).toHaveLength(2);
  });

  it("shows limits, the partly checked mark and a chart per framework", () => {
    expect(html).toContain("A written policy, known to the people who follow it.");
    expect(html).toContain('<span class="partial" title="partly checked">partly checked</span>');
    expect(html.match(/<svg viewBox="0 0 42 42" role="img"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="PCI DSS: 1 control of 5 fail"');
    expect(html).toContain("made 2026-12-03 14:00 UTC");
  });

  it("hides the filters without script, and on paper", () => {
    expect(html).toContain('<form class="filters" hidden');
    expect(html.slice(html.indexOf("@media print {"))).toMatch(/^@media print \{\n(?:.*\n)*? {2}\.filters, \.screen-only \{ display: none !important; \}/);
    expect(html).toContain("@media screen { .off { display: none !important; } }");
  });
});
