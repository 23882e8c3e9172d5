import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderComplianceDoc } from "../src/docs/compliance-doc.js";
import { ruleDocPages } from "../src/docs/pages.js";
import { ALL_RULE_META } from "../src/registry.js";

/** Writes docs/rules/ from rule metadata, removing pages of rules that no longer exist, and docs/compliance.md. */
const dir = path.resolve("docs/rules");
mkdirSync(dir, { recursive: true });
const pages = ruleDocPages();
for (const name of readdirSync(dir)) if (!pages.has(name)) rmSync(path.join(dir, name));
for (const [name, text] of pages) writeFileSync(path.join(dir, name), text);
process.stdout.write(`wrote ${pages.size} pages to docs/rules\n`);
writeFileSync(path.resolve("docs/compliance.md"), renderComplianceDoc(ALL_RULE_META));
process.stdout.write("wrote docs/compliance.md\n");
