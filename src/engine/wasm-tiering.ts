// The CLI's WebAssembly tiering budget, raised only while the grammar compiles and instantiates.
//
// V8 compiles WebAssembly with its baseline compiler (Liftoff), then recompiles functions that
// have run for a while ("tiering budget", 1.8 million by default) with its optimizing compiler on
// background threads, and Node waits for those compilations before the process may exit. Parsing
// one small file spends the default budget of the grammar's hottest functions: a one-file run paid
// ~0.1 s of CPU, and its wall time, for code it never used. Ten times the budget keeps short runs
// on Liftoff while long runs still get optimized code soon enough (the ten corpora of bench/real,
// or a few multi-megabyte files, take as long as before). Not `--liftoff-only` for small runs: a
// handful of huge files then parse 30% slower.
//
// Why only during the compile: V8 gives each function of a module its budget when the module is
// compiled, and refills it from the flag once it is spent (by then the function is hot and should
// be optimized). But V8 also stamps every code cache with a hash of all flag values and rejects a
// cache made under other values: while the flag differs from its default, Node's own modules
// compile from source instead of their built-in cache (~10 ms for streams, zlib and the like), and
// the CLI's bundle cache (src/launch/load-bundle.ts) would be written under a hash no later start
// has. Setting the default back restores the hash.
import { createRequire } from "node:module";

const RAISED_BUDGET = 18_000_000;
/** V8's own default (Node 20 to 24). */
const DEFAULT_BUDGET = 1_800_000;

/** True when the user set the budget (node flags or NODE_OPTIONS): theirs stays untouched. */
function userSetBudget(): boolean {
  const mentions = (text: string | undefined) => text?.includes("wasm-tiering-budget") ?? false;
  return process.execArgv.some(mentions) || mentions(process.env.NODE_OPTIONS);
}

/** Runs `compile` (the grammar's compile and instantiation) under the raised budget. */
export async function withRaisedTieringBudget<T>(compile: () => Promise<T>): Promise<T> {
  if (userSetBudget()) return compile();
  const v8 = createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  v8.setFlagsFromString(`--wasm-tiering-budget=${RAISED_BUDGET}`);
  try {
    return await compile();
  } finally {
    v8.setFlagsFromString(`--wasm-tiering-budget=${DEFAULT_BUDGET}`);
  }
}
