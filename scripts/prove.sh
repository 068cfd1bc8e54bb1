#!/usr/bin/env bash
# Proves that an example project, upgraded by pycodemod, runs on the real framework release:
#
#   scripts/prove.sh EXAMPLE TARGET [PYTHONPATH [FOLLOW_UP]]
#   scripts/prove.sh examples/django-legacy django-3.2
#   scripts/prove.sh examples/django-legacy django-4.2 "$(cat .frameworks/django-4.2/pythonpath)"
#   scripts/prove.sh examples/flask-legacy flask-2.2
#
# 1. copies EXAMPLE to a temporary folder;
# 2. runs the pristine copy's checks and tests on the framework found by $PROVE_PYTHON
#    (default /usr/bin/python3, Debian's, else python3) with PYTHONPATH in front: they must FAIL,
#    otherwise the proof would prove nothing;
# 3. runs `pycodemod --target TARGET` on the copy (exit 2, a file it could not process, fails);
# 4. runs them again: they must PASS.
# FOLLOW_UP, a Python script, is the manual step one of pycodemod's findings asks for: the
# upgraded copy must then first fail its checks (the finding is real), and pass once the script
# has been run in it.
# Checks and tests run under scripts/prove/strict.py: the release's own deprecation warnings are
# errors (Django: every RemovedInDjangoNNWarning; Flask: the Pallets libraries' deprecations).
# Django: `manage.py check --fail-level WARNING`, `makemigrations --check --dry-run` (the
# upgrade leaves the schema alone), `manage.py test`. Flask: the unittest suite.
# The last line is "prove: PROVEN ..." (exit 0) or "prove: NOT PROVEN: reason" (exit 1).
set -uo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
STRICT="$REPO/scripts/prove/strict.py"

[ $# -ge 2 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
EXAMPLE="$(cd "$1" && pwd)" || exit 2
TARGET="$2"
EXTRA_PATH="${3:-}"
FOLLOW_UP="${4:+$(cd "$(dirname "$4")" && pwd)/$(basename "$4")}"
if [ -n "${PROVE_PYTHON:-}" ]; then PYTHON="$PROVE_PYTHON"
elif [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3
else PYTHON=python3; fi

say() { echo "prove: $*"; }
not_proven() { say "NOT PROVEN: $*"; exit 1; }

if [ -e "$EXAMPLE/manage.py" ]; then FRAMEWORK=django; else FRAMEWORK=flask; fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pycodemod-prove-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
cp -r "$EXAMPLE" "$WORK/project"
cd "$WORK/project"

# No bytecode: a rewrite within the same second that keeps a file's size would otherwise let
# Python run the stale .pyc of the pristine copy. No user site or inherited paths either.
export PYTHONDONTWRITEBYTECODE=1 PYTHONNOUSERSITE=1 PYTHONPATH="$EXTRA_PATH"
unset PYTHONWARNINGS PYTHONSTARTUP DJANGO_SETTINGS_MODULE

# The line of a failed step's log that says why: the wrapper's verdict, else the first error,
# failed system check or failed test.
failure_of() {
  { sed -n 's/^strict: FAILED: //p' "$1"
    grep -E '^[A-Za-z_.]+: \([a-z_]+\.[A-Z][0-9]+\)' "$1" | head -1
    grep -E '^[A-Za-z_.]*(Error|Exception|Warning): ' "$1" | grep -v -e 'Failed to import test module' -e '^SystemCheckError' | head -1
    grep -E '^(FAIL|ERROR): ' "$1" | head -1
    grep -E '^[A-Za-z_.]*(Error|Exception)\b' "$1" | head -1
  } | head -1 | cut -c1-300
}

# Runs the project's checks and tests in order, one verdict line per step ("LABEL: STEP passes"
# or "LABEL: STEP fails (exit N): why"); with "first", stops at the first failure. Returns 1 when
# a step failed. Each step's output is kept in $WORK/LABEL-STEP.log; FAILED_LOGS lists the failed.
run_steps() {
  local label="$1" mode="$2" step log status failed=0
  local -a steps
  if [ "$FRAMEWORK" = django ]; then
    steps=("check --fail-level WARNING" "makemigrations --check --dry-run" "test --noinput")
  else
    steps=("unittest")
  fi
  FAILED_LOGS=()
  for step in "${steps[@]}"; do
    log="$WORK/$label-${step%% *}.log"
    if [ "$FRAMEWORK" = django ]; then
      # shellcheck disable=SC2086
      "$PYTHON" "$STRICT" django manage.py $step > "$log" 2>&1
    else
      "$PYTHON" "$STRICT" flask unittest > "$log" 2>&1
    fi
    status=$?
    [ "$step" = "${steps[0]}" ] && grep -h '^strict: \(Django\|Flask\) ' "$log" | head -1 | sed "s/^strict: /prove: $label: on /"
    if [ $status -ne 0 ]; then
      say "$label: ${step%% *} fails (exit $status): $(failure_of "$log")"
      FAILED_LOGS+=("$log")
      failed=1
      [ "$mode" = first ] && break
    else
      say "$label: ${step%% *} passes$(sed -n 's/.*strict: \([0-9]* tests ran\).*/ (\1)/p' "$log")"
    fi
  done
  return $failed
}

say "$FRAMEWORK example $(basename "$EXAMPLE"), target $TARGET, python $("$PYTHON" -c 'import sys; print(sys.version.split()[0])') ($PYTHON)${EXTRA_PATH:+, PYTHONPATH=$EXTRA_PATH}"

if run_steps pristine first; then
  not_proven "the pristine copy already passes on this release, so the upgrade proves nothing"
fi

say "pycodemod --target $TARGET"
node "$REPO/bin/pycodemod.js" --target "$TARGET" . > "$WORK/pycodemod.log" 2>&1
status=$?
sed 's/^/prove: pycodemod: /' "$WORK/pycodemod.log"
[ $status -le 1 ] || not_proven "pycodemod exited with $status"
node "$REPO/bin/pycodemod.js" --target "$TARGET" --check . > /dev/null 2>&1 || not_proven "a second pycodemod run still changes files"

if [ -n "$FOLLOW_UP" ]; then
  run_steps upgraded first && not_proven "the upgraded copy passes without the follow-up $(basename "$FOLLOW_UP")"
  say "follow-up $(basename "$FOLLOW_UP")"
  "$PYTHON" "$FOLLOW_UP" > "$WORK/follow-up.log" 2>&1 || { sed 's/^/prove: /' "$WORK/follow-up.log"; not_proven "the follow-up failed"; }
  sed 's/^/prove: /' "$WORK/follow-up.log"
fi

if ! run_steps upgraded all; then
  for log in "${FAILED_LOGS[@]}"; do tail -40 "$log" | sed "s/^/prove: $(basename "$log" .log): /"; done
  not_proven "the upgraded copy fails on this release"
fi
say "PROVEN $TARGET: pristine copy fails, upgraded copy passes${FOLLOW_UP:+ after the follow-up $(basename "$FOLLOW_UP")}"
