// The one entry of the CLI bundle (scripts/bundle.mjs, loaded by src/launch/load-bundle.ts): the
// command line, and the worker thread's code, which runs only when a worker thread asks for it.
// One file for both, so a worker reuses the code cache the command line wrote.
export { main } from "../cli.js";

export async function runWorker(): Promise<void> {
  await import("../worker.js");
}
