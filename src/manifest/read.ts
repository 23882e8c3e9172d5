import { readFileSync } from "node:fs";
import { FILE_START, type InputProblem } from "./types.js";

export const UNREADABLE_FILE = "kubeward/unreadable-file";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes file bytes as UTF-8 text, or explains why they are not a manifest. */
export function decodeManifest(bytes: Uint8Array, file: string): { text: string } | { problem: InputProblem } {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) {
    return { problem: { ruleId: UNREADABLE_FILE, file, region: FILE_START, message: "Binary file (it contains NUL bytes); it is not a manifest and was not linted." } };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { problem: { ruleId: UNREADABLE_FILE, file, region: FILE_START, message: "The file is not valid UTF-8, which Kubernetes requires; it was not linted." } };
  }
}

/** Reads a manifest file from disk; a failure becomes a problem, never an exception. */
export function readManifest(absolutePath: string, file: string): { text: string } | { problem: InputProblem } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "EACCES" ? "permission denied" : code === "ENOENT" ? "it does not exist (a broken symlink?)" : (error as Error).message;
    return { problem: { ruleId: UNREADABLE_FILE, file, region: FILE_START, message: `Cannot read the file: ${why}.` } };
  }
  return decodeManifest(bytes, file);
}
