#!/usr/bin/env bash
# The space report at scale: jetcdctl space over 100k and 1M keys of 1 KiB (Kubernetes-shaped), live (streamed
# page by page) and offline (from a snapshot of the same data), with wall time and peak memory (RSS, from
# /usr/bin/time), medians of 3 runs. Prints a Markdown table for docs/performance.md ("The space report").
#
#   bash bench/space.sh               # 100k and 1M keys (the 1M load takes a few minutes)
#   BENCH_QUICK=1 bash bench/space.sh # 100k keys only
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
. "$root/bench/lib.sh"
cd "$root"
export JETCDCTL_DAEMON=off # a JVM per command, as these figures have always been (and no daemon left behind)

etcd_bin=$(bash scripts/install-etcd.sh 3.5.16 | tail -1)
bench_build -o

work=$(mktemp -d "${TMPDIR:-/tmp}/jetcdctl-space-bench.XXXXXX")
cleanup() {
  [ -z "${etcd_pid:-}" ] || kill "$etcd_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
start_bench_etcd "$etcd_bin" "$work"
ours="$root/bin/jetcdctl"
"$ours" --endpoints="$ep" get warmup >/dev/null
await_class_archives

# time_space NAME ARGS...: three runs of jetcdctl space, medians of wall time and peak RSS
time_space() {
  local name=$1 i
  shift
  : >"$work/t"; : >"$work/m"
  for i in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$ours" --endpoints="$ep" --command-timeout=5m space "$@" \
      >"$work/out" 2>"$work/err" || { echo "bench: space $* failed:" >&2; cat "$work/err" >&2; exit 1; }
    awk '{print $1}' "$work/time" >>"$work/t"
    awk '{print $2}' "$work/time" >>"$work/m"
  done
  printf '| %s | %s s | %d MiB |\n' "$name" "$(median <"$work/t")" $(($(median <"$work/m") / 1024))
}

echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, jetcdctl on $(JETCDCTL_SHOW_JAVA=1 "$ours" 2>&1 | head -1)."
echo
echo "| case | wall | peak RSS |"
echo "|---|---|---|"
say "100,000 keys with 1 KiB values"
bench_load /registry/pods 100000 1024
time_space "space, live, 100k keys x 1 KiB"
"$etcd_bin/etcdctl" --endpoints="$ep" snapshot save "$work/100k.db" >/dev/null
time_space "space --snapshot, 100k keys x 1 KiB" --snapshot "$work/100k.db"
if [ -z "${BENCH_QUICK:-}" ]; then
  say "900,000 more keys (1M in all, about 1 GiB)"
  bench_load /registry/leases 900000 1024
  time_space "space, live, 1M keys x 1 KiB" 
  "$etcd_bin/etcdctl" --endpoints="$ep" --command-timeout=10m snapshot save "$work/1m.db" >/dev/null
  time_space "space --snapshot, 1M keys x 1 KiB" --snapshot "$work/1m.db"
fi
