// `pycodemod completion bash|zsh|fish`: a shell completion script for options, rule ids (for
// --select/--ignore/--explain), targets and formats. The lists are written into the script, so
// completing never starts node; regenerate it after an upgrade.
import { FORMATS, optionNames, UsageError } from "./args.js";
import { registry } from "./rules.js";
import { validTargetList } from "./target.js";

interface Out {
  stdout: (text: string) => void;
}

export async function completion(argv: string[], streams: Out): Promise<number> {
  const shell = argv[0] ?? "bash";
  const options = optionNames().map((o) => `--${o}`).join(" ");
  const rules = registry.flatMap((r) => [r.id, ...(r.aliases ?? [])]).join(" ");
  const targets = ["auto", ...validTargetList()].join(" ");
  const formats = FORMATS.join(" ");
  if (shell === "bash" || shell === "zsh") {
    const script = [
      "# pycodemod completion; load with: source <(pycodemod completion " + shell + ")",
      ...(shell === "zsh" ? ["autoload -U +X bashcompinit && bashcompinit"] : []),
      "_pycodemod() {",
      '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
      '  case "$prev" in',
      `    --select|--only|--ignore|--skip|--explain) COMPREPLY=($(compgen -W "${rules}" -- "$cur")); return;;`,
      `    --target|-t) COMPREPLY=($(compgen -W "${targets}" -- "$cur")); return;;`,
      `    --format) COMPREPLY=($(compgen -W "${formats}" -- "$cur")); return;;`,
      "  esac",
      `  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${options}" -- "$cur")); return; fi`,
      `  if [[ $COMP_CWORD -eq 1 ]]; then COMPREPLY=($(compgen -W "completion" -- "$cur")); fi`,
      '  COMPREPLY+=($(compgen -f -- "$cur"))',
      "}",
      "complete -o filenames -F _pycodemod pycodemod",
      "",
    ];
    streams.stdout(script.join("\n"));
    return 0;
  }
  if (shell === "fish") {
    const lines = ["# pycodemod completion; load with: pycodemod completion fish | source"];
    for (const name of optionNames()) lines.push(`complete -c pycodemod -l ${name}`);
    lines.push(`complete -c pycodemod -l target -s t -x -a "${targets}"`);
    lines.push(`complete -c pycodemod -l format -x -a "${formats}"`);
    for (const flag of ["select", "only", "ignore", "skip", "explain"]) lines.push(`complete -c pycodemod -l ${flag} -x -a "${rules}"`);
    streams.stdout(`${lines.join("\n")}\n`);
    return 0;
  }
  throw new UsageError(`completion: unknown shell "${shell}" (bash, zsh or fish)`);
}
