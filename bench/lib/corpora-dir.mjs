// Where ../shared/corpora is: the checkout may be /work/main, a worktree or a CI clone, so the
// folders above the repository are searched for shared/corpora.
import { existsSync } from "node:fs";
import path from "node:path";

export function findCorpora(repo) {
  for (let dir = repo; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, "shared/corpora");
    if (existsSync(candidate)) return candidate;
  }
  return path.join(repo, "../shared/corpora");
}
