#!/usr/bin/env bash
# Start-up of short commands: an older build of jetcdctl, this build and etcdctl 3.5.16, run in turn (old, new,
# etcdctl, old, new, ...) against one local etcd, so that all three share the machine's load of the moment.
# Reports medians of wall time, CPU time (user + system) and peak RSS, and the ratios to etcdctl.
#
#   bash bench/startup.sh [OLD_REVISION] [ROUNDS]   # defaults: ef521f2 (end of the second start-up round), 15
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
. "$root/bench/lib.sh"
cd "$root"
old_rev=${1:-ef521f2}
rounds=${2:-15}
export JETCDCTL_DAEMON=off # the JVM's own start-up is what this measures (bench/daemon.sh: the resident one)

ensure_build_tools
etcd_bin=$(bash scripts/install-etcd.sh 3.5.16 | tail -1)
mvn -B -q -ntp -DskipTests package

work=$(mktemp -d "${TMPDIR:-/tmp}/jetcdctl-startup.XXXXXX")
cleanup() {
  [ -z "${etcd_pid:-}" ] || kill "$etcd_pid" 2>/dev/null || true
  [ -z "${tls_pid:-}" ] || kill "$tls_pid" 2>/dev/null || true
  git -C "$root" worktree remove --force "$work/old" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

say "building $old_rev"
git -C "$root" worktree add --detach "$work/old" "$old_rev" >/dev/null 2>&1
(cd "$work/old" && mvn -B -q -ntp -DskipTests package)

start_bench_etcd "$etcd_bin" "$work"
start_tls_bench_etcd "$etcd_bin" "$work"
theirs="$etcd_bin/etcdctl"
"$theirs" --endpoints="$ep" put /bench/one value >/dev/null
"$theirs" $tls put /bench/one value >/dev/null

jdk17=$(ls -d /usr/lib/jvm/*17*/bin/java 2>/dev/null | head -1 || true)
old="$work/old/bin/jetcdctl"
new="$root/bin/jetcdctl"
# Each build records its own class archives on first use (they are keyed by the jar's path), a plain get's in
# the user's cache and a TLS get's in a second one; wait until the JDK 25 AOT caches, assembled in the
# background, are in place.
warm() {
  local tool
  for tool in "$old" "$new"; do
    "$tool" --endpoints="$ep" get /bench/one >/dev/null
    XDG_CACHE_HOME=$work/tls-cache "$tool" $tls get /bench/one >/dev/null
    [ -z "$jdk17" ] || JETCDCTL_JAVA=$jdk17 "$tool" --endpoints="$ep" get /bench/one >/dev/null
  done
  await_class_archives "${XDG_CACHE_HOME:-$HOME/.cache}" "$work/tls-cache"
}
warm

echo "| case | etcdctl wall | old wall | new wall | new / etcdctl | old CPU | new CPU | etcdctl CPU | new RSS (etcdctl) |"
echo "|---|---|---|---|---|---|---|---|---|"
# case NAME ENV ARGS: ENV is prepended to the jetcdctl runs only
case_() {
  local name=$1 env=$2 args=$3 i side cmd
  for side in old new theirs; do : >"$work/$side.wall"; : >"$work/$side.cpu"; : >"$work/$side.rss"; done
  for i in $(seq "$rounds"); do
    for side in old new theirs; do
      case $side in
        old) cmd="$env $old $args" ;;
        new) cmd="$env $new $args" ;;
        theirs) cmd="$theirs $args" ;;
      esac
      /usr/bin/time -f "%e %U %S %M" -o "$work/time" bash -c "$cmd" >/dev/null 2>"$work/err" || {
        echo "startup: '$cmd' failed:" >&2; cat "$work/err" >&2; exit 1; }
      awk '{print $1}' "$work/time" >>"$work/$side.wall"
      awk '{print $2 + $3}' "$work/time" >>"$work/$side.cpu"
      awk '{print $4}' "$work/time" >>"$work/$side.rss"
    done
  done
  local ow nw tw oc nc tc nr tr
  ow=$(median <"$work/old.wall"); nw=$(median <"$work/new.wall"); tw=$(median <"$work/theirs.wall")
  oc=$(median <"$work/old.cpu"); nc=$(median <"$work/new.cpu"); tc=$(median <"$work/theirs.cpu")
  nr=$(median <"$work/new.rss"); tr=$(median <"$work/theirs.rss")
  printf '| %s | %s s | %s s | %s s | %.1f× | %s s | %s s | %s s | %d MiB (%d MiB) |\n' "$name" "$tw" "$ow" "$nw" \
    "$(echo "$nw / $tw" | bc -l)" "$oc" "$nc" "$tc" "$((${nr%.*} / 1024))" "$((${tr%.*} / 1024))"
}

case_ "get one key, JDK 25" "" "--endpoints=$ep get /bench/one"
case_ "put one key, JDK 25" "" "--endpoints=$ep put /bench/one value"
[ -z "$jdk17" ] || case_ "get one key, JDK 17" "JETCDCTL_JAVA=$jdk17" "--endpoints=$ep get /bench/one"
# a TLS cluster's operator runs TLS commands from the first one on: their archive was recorded by one
case_ "get one key, mutual TLS, JDK 25" "XDG_CACHE_HOME=$work/tls-cache" "$tls get /bench/one"
case_ "member list -w table, JDK 25" "" "--endpoints=$ep member list -w table"
