#!/usr/bin/env bash
# check perf side by side: bin/jetcdctl and etcdctl 3.5.16 take turns (never at once) against one fresh local
# etcd 3.5.16 (with fsync, as in production), ROUNDS times per load (default 3), and print each run's
# throughput, slowest request, stddev and verdict as a Markdown table. Each run takes a minute.
#
#   bash bench/check-perf.sh            # loads s and m
#   LOADS="s m l" ROUNDS=1 bash bench/check-perf.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"
export JETCDCTL_DAEMON=off # a JVM per command, as these figures have always been (and no daemon left behind)

ensure_build_tools
etcd_bin=$(bash scripts/install-etcd.sh 3.5.16 | tail -1)
mvn -B -q -ntp -DskipTests package >&2

work=$(mktemp -d "${TMPDIR:-/tmp}/jetcdctl-check-perf.XXXXXX")
cleanup() { [ -n "${etcd_pid:-}" ] && kill "$etcd_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
start_bench_etcd "$etcd_bin" "$work"

# one report as a table row: tool, load, writes/s, slowest, stddev, verdict
run() {
  local tool=$1 binary=$2 load=$3
  "$binary" --endpoints="$ep" check perf --load "$load" >"$work/out" 2>&1 || true
  tr '\r' '\n' <"$work/out" | awk -v tool="$tool" -v load="$load" '
    /Throughput/ {n = split($0, w, " "); rate = w[n - 1]}
    /Slowest request took/ {n = split($0, w, " "); slowest = w[n]}
    /Stddev/ {n = split($0, w, " "); stddev = w[n]}
    /^(PASS|FAIL)$/ {verdict = $0}
    END {printf "| %s | %s | %s | %s | %s | %s |\n", load, tool, rate, slowest, stddev, verdict}'
}

echo "Measured $(date +%F) on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start;" \
  "jetcdctl on $(JETCDCTL_SHOW_JAVA=1 bin/jetcdctl | xargs -I{} sh -c '{} -version 2>&1 | head -1')."
echo
echo "| load | tool | writes/s | slowest | stddev | verdict |"
echo "|---|---|---|---|---|---|"
for load in ${LOADS:-s m}; do
  for _ in $(seq "${ROUNDS:-3}"); do
    run etcdctl "$etcd_bin/etcdctl" "$load"
    run jetcdctl "$root/bin/jetcdctl" "$load"
  done
done
