import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { FILE_START, type InputProblem } from "../core/types.js";
import { UNREADABLE_FILE } from "../core/diagnostics.js";
import { describeReadError } from "../core/read-error.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** What reading a manifest gave: its text, a problem to report, or a reason it was passed over. */
export type ReadResult = { text: string } | { problem: InputProblem } | { skip: string };

function unreadable(file: string, message: string): { problem: InputProblem } {
  return { problem: { ruleId: UNREADABLE_FILE, file, region: FILE_START, message } };
}

/** Decodes file bytes as UTF-8 text, or explains why they are not a manifest. */
export function decodeManifest(bytes: Uint8Array, file: string): { text: string } | { problem: InputProblem } {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return unreadable(file, "Binary file (it contains NUL bytes); it is not a manifest and was not linted.");
  try {
    // A byte order mark is legal at the start of a YAML stream; the parser does not want it.
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, "") };
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    return {
      problem: {
        ruleId: UNREADABLE_FILE,
        file,
        region: { startLine: line, startColumn: column, endLine: line, endColumn: column + 1 },
        message: "The file is not valid UTF-8, which Kubernetes requires (save it as UTF-8); it was not linted.",
      },
    };
  }
}

/** Line and column (UTF-16 units, as in SARIF) of the first byte that is not valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const lenient = new TextDecoder("utf-8").decode(bytes);
  // The lenient decoder turns each bad sequence into U+FFFD; skip any U+FFFD that was really in the file.
  let index = lenient.indexOf("\uFFFD");
  while (index !== -1) {
    const offset = Buffer.byteLength(lenient.slice(0, index));
    const genuine = bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!genuine) break;
    index = lenient.indexOf("\uFFFD", index + 1);
  }
  if (index === -1) index = lenient.length;
  const before = lenient.slice(0, index);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: index - lineStart + 1 };
}

function describeSpecialFile(stats: Stats): string {
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * Reads a manifest file from disk; a failure becomes a problem, never an exception. The file is
 * opened without blocking and checked to be a regular file first, so a named pipe cannot hang the run.
 */
export function readManifest(absolutePath: string, file: string): ReadResult {
  let fd: number;
  try {
    // Windows has no O_NONBLOCK.
    fd = openSync(absolutePath, constants.O_RDONLY | ((constants.O_NONBLOCK as number | undefined) ?? 0));
  } catch (error) {
    return unreadable(file, `Cannot read the file: ${describeReadError(error)}.`);
  }
  try {
    const stats = fstatSync(fd);
    // Folders are only reached here through a symbolic link a glob matched: globs do not follow links to folders (loops).
    if (stats.isDirectory()) return { skip: "symbolic link to a folder; a glob does not follow links to folders" };
    if (!stats.isFile()) return unreadable(file, `Cannot read the file: it is ${describeSpecialFile(stats)}, not a regular file.`);
    return decodeManifest(readFileSync(fd), file);
  } catch (error) {
    return unreadable(file, `Cannot read the file: ${describeReadError(error)}.`);
  } finally {
    closeSync(fd);
  }
}
