#!/usr/bin/env bash
# Fetches newer Django and Flask releases as Debian packages from newer Debian suites and
# unpacks them (never installs them) under .frameworks/<set>/, for scripts/prove.sh and
# test/proof.test.ts. Debian's package archive is the only network source used.
#
#   scripts/fetch-frameworks.sh [DEST]        (default: $PYCODEMOD_FRAMEWORKS or ./.frameworks)
#
# For each set it writes either
#   DEST/<set>/pythonpath   one line: the folder to put on PYTHONPATH
#   DEST/<set>/packages     the packages unpacked there, "name version suite" per line
# or
#   DEST/<set>/skipped      one line: why this set could not be had
# apt runs with a private state folder (DEST/.apt), so the system's package lists, cache and
# installed packages are not touched; no root rights are needed.
set -uo pipefail
cd "$(dirname "$0")/.."
DEST="${1:-${PYCODEMOD_FRAMEWORKS:-$PWD/.frameworks}}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

# set name | suite | the framework version wanted (prefix of the upstream version) | packages
# (the framework first, then the Python packages it needs in a version newer than Debian 12's).
# django-2.2 (Debian 11) is older than Debian 12's 3.2: only scripts/gen-django-star-exports.mjs
# uses it, to know what star imports bound before 3.2 (Debian 10's 1.11 is no longer served).
SETS=(
  "django-2.2|bullseye|2.2.|python3-django python3-sqlparse python3-tz"
  "django-4.2|trixie|4.2.|python3-django python3-asgiref python3-sqlparse"
  "django-5.2|sid|5.2.|python3-django python3-asgiref python3-sqlparse"
  "django-6.1|experimental|6.1.|python3-django python3-asgiref python3-sqlparse"
  "flask-3.1|trixie|3.1.|python3-flask python3-werkzeug python3-jinja2 python3-markupsafe python3-itsdangerous python3-click python3-blinker"
)
# Packages a set needs that the set's own suite does not carry (experimental holds only the
# packages that differ from sid) come from this suite.
FALLBACK_SUITE=sid

mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
APT_DIR="$DEST/.apt"

skip_all() {
  for entry in "${SETS[@]}"; do
    name="${entry%%|*}"
    rm -rf "${DEST:?}/$name" && mkdir -p "$DEST/$name" && echo "$1" > "$DEST/$name/skipped"
    echo "fetch-frameworks: $name skipped: $1" >&2
  done
  exit 0
}

command -v apt-get >/dev/null && command -v dpkg-deb >/dev/null || skip_all "apt-get and dpkg-deb are not available on this machine"
[ -r "$KEYRING" ] || skip_all "no Debian archive keyring at $KEYRING"

rm -rf "$APT_DIR"
mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$APT_DIR/etc/preferences.d"
: > "$APT_DIR/status"
for suite in $(printf '%s\n' "${SETS[@]}" | cut -d'|' -f2 | sort -u) "$FALLBACK_SUITE"; do
  echo "deb [signed-by=$KEYRING] $MIRROR $suite main"
done | sort -u > "$APT_DIR/etc/sources.list"

APT_OPTS=(
  -o "Dir::Etc::SourceList=$APT_DIR/etc/sources.list"
  -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::Etc::Preferences=/dev/null"
  -o "Dir::Etc::PreferencesParts=$APT_DIR/etc/preferences.d"
  -o "Dir::State::Lists=$APT_DIR/lists"
  -o "Dir::State::status=$APT_DIR/status"
  -o "Dir::Cache=$APT_DIR/cache"
  -o "APT::Sandbox::User=$(id -un)"
  -o "Debug::NoLocking=1"
  -q
)

if ! apt-get "${APT_OPTS[@]}" update > "$APT_DIR/update.log" 2>&1; then
  skip_all "apt-get update of $(tr '\n' ' ' < "$APT_DIR/etc/sources.list" | sed 's/\[[^]]*\] //g')failed (see $APT_DIR/update.log)"
fi

# One madison query for every package (each apt call reads all package lists: seconds apiece).
apt-cache "${APT_OPTS[@]}" madison $(printf '%s\n' "${SETS[@]}" | cut -d'|' -f4 | tr ' ' '\n' | sort -u) \
  > "$APT_DIR/madison" 2>/dev/null
# The version of package $1 that suite $2 carries, or nothing.
version_in() {
  awk -F'|' -v package="$1" -v suite=" $2/" '{ gsub(/ /, "", $1); gsub(/ /, "", $2) }
    $1 == package && index($3, suite) { print $2; exit }' "$APT_DIR/madison"
}

for entry in "${SETS[@]}"; do
  IFS='|' read -r name suite want packages <<< "$entry"
  out="$DEST/$name"
  rm -rf "$out" && mkdir -p "$out/debs"
  framework="${packages%% *}"
  version="$(version_in "$framework" "$suite")"
  upstream="${version#*:}"
  wanted=()
  if [ -z "$version" ]; then
    echo "$framework is not in Debian $suite" > "$out/skipped"
  elif [ "${upstream#"$want"}" = "$upstream" ]; then
    echo "Debian $suite carries $framework $version, not ${want%.}" > "$out/skipped"
  else
    : > "$out/packages"
    for package in $packages; do
      from="$suite"
      pinned="$(version_in "$package" "$from")"
      if [ -z "$pinned" ]; then from="$FALLBACK_SUITE"; pinned="$(version_in "$package" "$from")"; fi
      if [ -z "$pinned" ]; then
        echo "$package is in neither $suite nor $FALLBACK_SUITE" > "$out/skipped"
        break
      fi
      wanted+=("$package=$pinned")
      echo "$package $pinned $from" >> "$out/packages"
    done
  fi
  if [ ! -e "$out/skipped" ]; then
    if (cd "$out/debs" && apt-get "${APT_OPTS[@]}" download "${wanted[@]}" > download.log 2>&1); then
      for deb in "$out"/debs/*.deb; do dpkg-deb -x "$deb" "$out/root"; done
      echo "$out/root/usr/lib/python3/dist-packages" > "$out/pythonpath"
    else
      echo "apt-get download ${wanted[*]} failed: $(tail -1 "$out/debs/download.log")" > "$out/skipped"
    fi
  fi
  rm -rf "$out/debs"
  if [ -e "$out/skipped" ]; then
    rm -f "$out/packages" "$out/pythonpath"
    echo "fetch-frameworks: $name skipped: $(cat "$out/skipped")" >&2
  else
    echo "fetch-frameworks: $name: $(awk '{ printf "%s%s %s (%s)", sep, $1, $2, $3; sep = ", " }' "$out/packages")" >&2
  fi
done
exit 0
