import process from "node:process";
import { enableCompileCache } from "./compile-cache.js";

// The kubeward command: the CLI run in this process's directory, environment and standard streams.

// Before the CLI's code is loaded, so that loading it can use the cache.
enableCompileCache(process.env);
const { main } = await import("./cli.js");

// A reader that stops early (`kubeward lint | head`) is not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") return;
  process.stderr.write(`kubeward: cannot write the report: ${error.message}\n`);
  process.exitCode = 2;
});

const { stdin, stdout, stderr, env } = process;
void main(process.argv.slice(2), { cwd: process.cwd(), env, stdin, stdout, stderr }).then((code) => {
  process.exitCode ??= code;
});
