#!/usr/bin/env bash
# Installs etcd server/client binaries for the jetcdctl test suite, without
# changing the system, into a per-user cache directory:
#  - 3.5.16 and 3.4.23 from Debian's packages, fetched with a private apt state
#    (own sources.list, lists and cache directories, no dpkg status) and unpacked;
#  - 3.6.17 and 3.7.4, which Debian does not package, built from etcd's Go modules
#    with this machine's Go through its module proxy (scripts/build-etcd-go.sh).
#
# Usage: scripts/install-etcd.sh [3.5.16|3.4.23|3.6.17|3.7.4|all]...   (default: 3.5.16)
#
# Result: ${JETCDCTL_ETCD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetcdctl/etcd}/<version>/bin/
#         containing etcd, etcdctl and (3.5 and newer) etcdutl. The bin directory of
#         each requested version is printed on stdout, one per line, at the end.
#         A version already in the cache costs nothing.
#
# The Debian mirror is read from this machine's apt configuration
# (/etc/apt/sources.list.d/*.sources "URIs:" lines, then "deb" lines of
# /etc/apt/sources.list and /etc/apt/sources.list.d/*.list). Set
# JETCDCTL_DEBIAN_MIRROR to override it. Without any Debian mirror, install etcd
# by other means and point ETCD_BIN at the directory holding its binaries.
#
# Works as root and as a normal user (apt-get download needs no privileges here).
set -euo pipefail

log() { printf 'install-etcd: %s\n' "$*" >&2; }
die() { printf 'install-etcd: error: %s\n' "$*" >&2; exit 1; }

CACHE_ROOT="${JETCDCTL_ETCD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetcdctl/etcd}"
KEYRING="${JETCDCTL_DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}"
APT_ETC="${JETCDCTL_APT_ETC:-/etc/apt}"

# version -> "suite package-version-pattern"
suite_for() {
  case "$1" in
    3.5.16) echo trixie ;;
    3.4.23) echo bookworm ;;
    *) return 1 ;;
  esac
}
# Preferred exact Debian package version; any "<version>-*" the suite serves is accepted.
preferred_pkg_version() {
  case "$1" in
    3.5.16) echo 3.5.16-4 ;;
    3.4.23) echo 3.4.23-4+b4 ;;
  esac
}
tools_for() {
  case "$1" in
    3.4.*) echo "etcd etcdctl" ;;
    *) echo "etcd etcdctl etcdutl" ;;
  esac
}

usage() {
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
}

versions=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) usage; exit 0 ;;
    all) versions+=(3.5.16 3.4.23 3.6.17 3.7.4) ;;
    3.5.16|3.4.23|3.6.17|3.7.4) versions+=("$arg") ;;
    *) die "unsupported version '$arg' (supported: 3.5.16, 3.4.23, 3.6.17, 3.7.4, all)" ;;
  esac
done
[ ${#versions[@]} -gt 0 ] || versions=(3.5.16)

# True when <bin>/etcd --version reports <version> and all tools are present.
installed_ok() {
  local version="$1" bin="$CACHE_ROOT/$1/bin" tool
  for tool in $(tools_for "$version"); do
    [ -x "$bin/$tool" ] || return 1
  done
  "$bin/etcd" --version 2>/dev/null | grep -q "^etcd Version: ${version}\$"
}

todo=()
for v in "${versions[@]}"; do
  if installed_ok "$v"; then
    log "etcd $v already installed in $CACHE_ROOT/$v/bin"
  elif ! suite_for "$v" >/dev/null; then
    # Not packaged by Debian: built from etcd's Go modules.
    JETCDCTL_ETCD_CACHE="$CACHE_ROOT" bash "$(dirname "$0")/build-etcd-go.sh" "$v" >/dev/null
    installed_ok "$v" || die "the etcd $v built into $CACHE_ROOT/$v/bin does not report version $v"
  else
    case " ${todo[*]-} " in *" $v "*) ;; *) todo+=("$v") ;; esac
  fi
done

# ---------------------------------------------------------------------------
# Find the Debian mirror in the machine's apt configuration.
# Prints the first URI that serves the main Debian archive (not -security,
# not -updates-only, not a third-party repository).
find_mirror() {
  local f uri
  if [ -n "${JETCDCTL_DEBIAN_MIRROR:-}" ]; then
    echo "${JETCDCTL_DEBIAN_MIRROR%/}"; return 0
  fi
  # deb822 stanzas: remember URIs and Suites per stanza; accept a stanza whose
  # suites include a Debian release name without a -security suffix.
  for f in "$APT_ETC"/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    uri=$(awk '
      function flush() {
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled != "no" && uris != "" && suites ~ /(^|[ \t])(bookworm|trixie|forky|sid|unstable|testing|stable|bullseye)([ \t]|$)/) {
          split(uris, u, /[ \t]+/); for (i in u) if (u[i] != "") { print u[i]; found = 1; exit }
        }
        types = ""; uris = ""; suites = ""; enabled = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      tolower($1) == "types:"   { sub(/^[^:]*:[ \t]*/, ""); types = $0; next }
      tolower($1) == "uris:"    { sub(/^[^:]*:[ \t]*/, ""); uris = $0; next }
      tolower($1) == "suites:"  { sub(/^[^:]*:[ \t]*/, ""); suites = $0; next }
      tolower($1) == "enabled:" { sub(/^[^:]*:[ \t]*/, ""); enabled = tolower($0); next }
      END { if (!found) flush() }
    ' "$f")
    if [ -n "$uri" ]; then echo "${uri%/}"; return 0; fi
  done
  # Classic one-line format: deb [options] URI suite components...
  for f in "$APT_ETC"/sources.list "$APT_ETC"/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    uri=$(awk '
      /^[ \t]*deb[ \t]/ {
        line = $0
        sub(/^[ \t]*deb[ \t]+/, "", line)
        if (line ~ /^\[/) sub(/^\[[^]]*\][ \t]*/, "", line)
        n = split(line, w, /[ \t]+/)
        if (n >= 2 && w[2] ~ /^(bookworm|trixie|forky|sid|unstable|testing|stable|bullseye)$/) { print w[1]; exit }
      }
    ' "$f")
    if [ -n "$uri" ]; then echo "${uri%/}"; return 0; fi
  done
  return 1
}

if [ ${#todo[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || die "apt-get not found; install etcd ${todo[*]} yourself and set ETCD_BIN=<dir with etcd, etcdctl>"
  command -v dpkg-deb >/dev/null || die "dpkg-deb not found; install etcd ${todo[*]} yourself and set ETCD_BIN=<dir with etcd, etcdctl>"
  [ -r "$KEYRING" ] || die "Debian archive keyring $KEYRING not found (package debian-archive-keyring); or install etcd yourself and set ETCD_BIN"
  mirror=$(find_mirror) || die "no Debian mirror found in $APT_ETC/sources.list{,.d/*.list,.d/*.sources}. Set JETCDCTL_DEBIAN_MIRROR=<Debian archive URI>, or install etcd ${todo[*]} yourself and set ETCD_BIN=<dir with etcd, etcdctl, etcdutl>"
  log "using Debian mirror from apt configuration"

  mkdir -p "$CACHE_ROOT"
  work=$(mktemp -d "$CACHE_ROOT/.apt.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/etc/sources.list.d" "$work/etc/preferences.d" "$work/lists/partial" \
           "$work/cache/archives/partial" "$work/debs"

  suites=()
  for v in "${todo[@]}"; do
    s=$(suite_for "$v")
    case " ${suites[*]-} " in *" $s "*) ;; *) suites+=("$s") ;; esac
  done
  for s in "${suites[@]}"; do
    echo "deb [signed-by=$KEYRING] $mirror $s main"
  done > "$work/etc/sources.list"

  apt_opts=(
    -o "Dir::Etc::sourcelist=$work/etc/sources.list"
    -o "Dir::Etc::sourceparts=$work/etc/sources.list.d"
    -o "Dir::Etc::preferences=$work/etc/preferences"
    -o "Dir::Etc::preferencesparts=$work/etc/preferences.d"
    -o "Dir::State::Lists=$work/lists"
    -o "Dir::Cache=$work/cache"
    -o "Dir::Cache::pkgcache="
    -o "Dir::Cache::srcpkgcache="
    -o "Dir::State::status=/dev/null"
    -o "Dir::State::extended_states=$work/extended_states"
    -o "Debug::NoLocking=1"
    -o "APT::Sandbox::User=$(id -un)"
    -q
  )

  log "apt-get update (private state, suites: ${suites[*]})"
  if ! apt-get "${apt_opts[@]}" update > "$work/update.log" 2>&1; then
    cat "$work/update.log" >&2
    die "apt-get update failed for suites ${suites[*]}"
  fi

  for v in "${todo[@]}"; do
    # Pick the package version: the preferred one if served, else any "<v>-*".
    pkgv=$(apt-cache "${apt_opts[@]}" madison etcd-server 2>/dev/null \
             | awk -F'|' '{gsub(/ /, "", $2); print $2}' | grep -E "^${v//./\\.}-" || true)
    pref=$(preferred_pkg_version "$v")
    if printf '%s\n' "$pkgv" | grep -qxF "$pref"; then
      pkgv="$pref"
    else
      pkgv=$(printf '%s\n' "$pkgv" | head -n1)
    fi
    [ -n "$pkgv" ] || die "the $(suite_for "$v") suite of the mirror serves no etcd-server $v-*"
    log "downloading etcd-server=$pkgv etcd-client=$pkgv"
    rm -f "$work/debs"/*.deb
    if ! (cd "$work/debs" && apt-get "${apt_opts[@]}" download "etcd-server=$pkgv" "etcd-client=$pkgv") > "$work/download.log" 2>&1; then
      cat "$work/download.log" >&2
      die "apt-get download of etcd $pkgv failed"
    fi
    root="$work/root-$v"
    mkdir -p "$root"
    for deb in "$work/debs"/*.deb; do
      dpkg-deb -x "$deb" "$root"
    done
    stage="$CACHE_ROOT/$v/bin.new.$$"
    rm -rf "$stage"; mkdir -p "$stage"
    for tool in $(tools_for "$v"); do
      src="$root/usr/bin/$tool"
      [ -f "$src" ] || die "package $pkgv has no /usr/bin/$tool"
      install -m 0755 "$src" "$stage/$tool"
    done
    rm -rf "$CACHE_ROOT/$v/bin"
    mv "$stage" "$CACHE_ROOT/$v/bin"
    printf '%s\n' "$pkgv" > "$CACHE_ROOT/$v/debian-version"
    installed_ok "$v" || die "installed etcd in $CACHE_ROOT/$v/bin does not report version $v"
    log "installed etcd $v (Debian $pkgv) into $CACHE_ROOT/$v/bin"
  done
fi

for v in "${versions[@]}"; do
  echo "$CACHE_ROOT/$v/bin"
done
