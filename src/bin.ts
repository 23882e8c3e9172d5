import process from "node:process";
import { main } from "./cli.js";

// The CLI run in this process's directory, environment and standard streams: the bundle's entry (dist/kubeward.cjs).

// A reader that stops early (`kubeward lint | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") return;
  process.stderr.write(`kubeward: cannot write the report: ${error.message}\n`);
  process.exitCode = 2;
});

const { stdout, stderr, env } = process;
const io = {
  cwd: process.cwd(),
  env,
  // Read only when used: making process.stdin opens the stream, a few milliseconds of every start.
  get stdin() {
    return process.stdin;
  },
  stdout,
  stderr,
};
void main(process.argv.slice(2), io).then((code) => {
  process.exitCode ??= code;
});
