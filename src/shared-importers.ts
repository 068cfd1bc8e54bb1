// Importer indexes (project-importers.ts) built once per shared run instead of once per thread.
// The threads of a run work through neighbouring files, so they ask about the same import root at
// nearly the same time; each index reads every Python file under its root (a fifth of a second
// for the ten corpora of bench/real, plus V8's optimizing compiles of the scan in each thread).
//
// The first thread to need a root claims it on a shared board (one word per slot, a compare-and-
// swap), builds the index and posts its statements to every other thread; a thread that finds
// the root claimed waits for that (Atomics.wait: the work of a file is synchronous, there is no
// event loop to come back to) and rebuilds the index from the statements, which costs about a
// tenth of reading the files. A slot is chosen by a hash of the root: two roots in one slot, a
// builder that failed, or one slower than WAIT_MS all end with the thread building the index
// itself, as it would without sharing, so the answers never depend on the sharing.
import { receiveMessageOnPort, type MessagePort } from "node:worker_threads";
import type { ImportStatements, ProjectImporters } from "./project-importers.js";

/** What each thread of a shared run gets: the board, and one port to every other thread. */
export interface ImporterSharing {
  board: SharedArrayBuffer;
  ports: MessagePort[];
}

const SLOTS = 1024;
const FREE = 0;
const BUILDING = 1;
const READY = 2;
const FAILED = 3;
/** Longest wait for another thread's index before building it here (a large monorepo takes seconds). */
const WAIT_MS = 20_000;

export function importerBoard(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
}

interface Posted {
  root: string;
  statements: ImportStatements;
}

export class SharedImporters {
  private readonly slots: Int32Array;
  /** Statements posted by other threads, by root, until this thread asks for them. */
  private readonly posted = new Map<string, ImportStatements>();

  constructor(private readonly sharing: ImporterSharing) {
    this.slots = new Int32Array(sharing.board);
  }

  /**
   * The index of `root`: built here with `build` (and posted to the other threads) when this thread
   * is the first to ask, else rebuilt with `rebuild` from the statements another thread posted.
   */
  obtain(root: string, build: () => ProjectImporters, rebuild: (statements: ImportStatements) => ProjectImporters): ProjectImporters {
    const slot = slotOf(root);
    if (Atomics.compareExchange(this.slots, slot, FREE, BUILDING) === FREE) {
      let built: ProjectImporters;
      try {
        built = build();
        const message: Posted = { root, statements: built.statements() };
        for (const port of this.sharing.ports) port.postMessage(message);
      } catch (error) {
        Atomics.store(this.slots, slot, FAILED);
        Atomics.notify(this.slots, slot);
        throw error;
      }
      // Posted before the slot says so: a thread that sees READY finds the message on its port.
      Atomics.store(this.slots, slot, READY);
      Atomics.notify(this.slots, slot);
      return built;
    }
    Atomics.wait(this.slots, slot, BUILDING, WAIT_MS);
    this.receive();
    const statements = this.posted.get(root);
    if (!statements) return build();
    this.posted.delete(root);
    return rebuild(statements);
  }

  private receive(): void {
    for (const port of this.sharing.ports) {
      for (let got = receiveMessageOnPort(port); got; got = receiveMessageOnPort(port)) {
        const { root, statements } = got.message as Posted;
        this.posted.set(root, statements);
      }
    }
  }
}

/** FNV-1a of the root's path, as a slot number. */
function slotOf(root: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < root.length; i++) hash = Math.imul(hash ^ root.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SLOTS;
}
