#!/usr/bin/env bash
# Side-by-side benchmarks of bin/jetcdctl against etcdctl/etcdutl 3.5.16 on one local etcd.
# Each case runs both tools alternately (ROUNDS times, default 5; bulk cases 3) and reports the medians of
# wall time and peak memory (RSS) and their ratios. Writes docs/performance.md (or $BENCH_OUT).
#
#   bash bench/run.sh            # all cases; the 1M-key dataset and its ~1 GiB snapshot take a few minutes
#   BENCH_QUICK=1 bash bench/run.sh   # skip the 1M-key/1 GiB cases
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
. "$root/bench/lib.sh"
cd "$root"
# A JVM per command, the route these figures have always measured; JETCDCTL_DAEMON=on measures the resident one.
export JETCDCTL_DAEMON=${JETCDCTL_DAEMON:-off}

ensure_build_tools
command -v bc >/dev/null || apt_install bc
etcd_bin=$(bash scripts/install-etcd.sh 3.5.16 | tail -1)
bench_build -ntp

work=$(mktemp -d "${TMPDIR:-/tmp}/jetcdctl-bench.XXXXXX")
cleanup() {
  [ -z "${etcd_pid:-}" ] || kill "$etcd_pid" 2>/dev/null || true
  [ -z "${tls_pid:-}" ] || kill "$tls_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
start_bench_etcd "$etcd_bin" "$work"

ours="$root/bin/jetcdctl"
theirs="$etcd_bin/etcdctl"
utl="$etcd_bin/etcdutl"
# warm the class archive, as any second run of the tool would have it (a JDK 25 AOT cache is assembled in the
# background: wait until its temporary files are gone)
"$ours" --endpoints="$ep" get warmup >/dev/null
await_class_archives
jvm=$(JETCDCTL_SHOW_JAVA=1 "$ours")

results="$work/results.md"
: >"$results"

# measure NAME ROUNDS OURS_CMD THEIRS_CMD [SETUP]: commands are bash snippets; SETUP runs, untimed, before each.
measure() {
  local name=$1 rounds=$2 ours_cmd=$3 theirs_cmd=$4 setup=${5:-} i
  : >"$work/o.t"; : >"$work/t.t"; : >"$work/o.m"; : >"$work/t.m"
  for i in $(seq "$rounds"); do
    for side in o t; do
      local cmd=$ours_cmd
      [ $side = t ] && cmd=$theirs_cmd
      [ -z "$setup" ] || bash -c "$setup"
      /usr/bin/time -f "%e %M" -o "$work/time" bash -c "$cmd" >/dev/null 2>"$work/err" || {
        echo "bench: '$cmd' failed:" >&2; cat "$work/err" >&2; exit 1; }
      awk '{print $1}' "$work/time" >>"$work/$side.t"
      awk '{print $2}' "$work/time" >>"$work/$side.m"
    done
  done
  local ot tt om tm
  ot=$(median <"$work/o.t"); tt=$(median <"$work/t.t"); om=$(median <"$work/o.m"); tm=$(median <"$work/t.m")
  printf '| %s | %s s | %s s | %.2f | %d MiB | %d MiB | %.2f |\n' "$name" "$ot" "$tt" \
    "$(echo "$ot / $tt" | bc -l)" $((om / 1024)) $((tm / 1024)) "$(echo "$om / $tm" | bc -l)" | tee -a "$results"
}

say "one-key get and put"
"$theirs" --endpoints="$ep" put /bench/one value >/dev/null
measure "get one key" 15 "$ours --endpoints=$ep get /bench/one" "$theirs --endpoints=$ep get /bench/one"
measure "put one key" 15 "$ours --endpoints=$ep put /bench/one value" "$theirs --endpoints=$ep put /bench/one value"

# the launcher prefers JDK 25+; JETCDCTL_JAVA pins the JDK 17 a machine of this kind also carries
jdk17=$(ls -d /usr/lib/jvm/*17*/bin/java 2>/dev/null | head -1 || true)
if [ -n "$jdk17" ]; then
  JETCDCTL_JAVA=$jdk17 "$ours" --endpoints="$ep" get warmup >/dev/null # records its class archive
  measure "get one key, JDK 17" 11 "JETCDCTL_JAVA=$jdk17 $ours --endpoints=$ep get /bench/one" \
    "$theirs --endpoints=$ep get /bench/one"
fi

say "one-key get over mutual TLS (PKCS#1 client key, as kubeadm writes them)"
start_tls_bench_etcd "$etcd_bin" "$work"
"$theirs" $tls put /bench/one value >/dev/null
# An operator of a TLS cluster runs TLS commands from the first one on, so the archive they use was recorded by
# one: give this case a cache of its own, recorded by a TLS get (the plain get's archive lacks ~1,350 TLS classes)
tls_cache="$work/tls-cache"
XDG_CACHE_HOME=$tls_cache "$ours" $tls get /bench/one >/dev/null
await_class_archives "$tls_cache"
measure "get one key, mutual TLS" 11 "XDG_CACHE_HOME=$tls_cache $ours $tls get /bench/one" "$theirs $tls get /bench/one"
kill "$tls_pid" 2>/dev/null || true

say "1,000 gets: one batch against 1,000 etcdctl processes"
for _ in $(seq 1000); do echo "get /bench/one"; done >"$work/gets"
measure "1,000 x get one key (batch vs a loop)" 3 "$ours --endpoints=$ep batch $work/gets" \
  "while read -r c k; do $theirs --endpoints=$ep \$c \$k; done <$work/gets"

say "100,000 Kubernetes-shaped keys with 1 KiB values"
bench_load /registry/pods 100000 1024
measure "get --prefix --keys-only, 100k keys" 3 "$ours --endpoints=$ep get /registry/pods --prefix --keys-only" \
  "$theirs --endpoints=$ep get /registry/pods --prefix --keys-only"
measure "get --prefix, 100k keys x 1 KiB" 3 "$ours --endpoints=$ep get /registry/pods --prefix" \
  "$theirs --endpoints=$ep get /registry/pods --prefix"
measure "get --prefix -w json, 100k keys x 1 KiB" 3 "$ours --endpoints=$ep get /registry/pods --prefix -w json" \
  "$theirs --endpoints=$ep get /registry/pods --prefix -w json"
measure "get --prefix | head -5, 100k keys" 5 \
  "set +o pipefail; $ours --endpoints=$ep get /registry/pods --prefix | head -5" \
  "set +o pipefail; $theirs --endpoints=$ep get /registry/pods --prefix | head -5"

say "100,000 Pods in Kubernetes' protobuf envelope, decoded (etcdctl can only print them raw)"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.github.jetcdctl.bench.PodLoader "$ep" \
  /registry/k8s-pods 100000
for format in yaml json; do
  measure "get --prefix --decode=k8s --decode-output=$format, 10k Pods (etcdctl: raw)" 3 \
    "$ours --endpoints=$ep get /registry/k8s-pods --prefix --limit=10000 --decode=k8s --decode-output=$format" \
    "$theirs --endpoints=$ep get /registry/k8s-pods --prefix --limit=10000"
  measure "get --prefix --decode=k8s --decode-output=$format, 100k Pods (etcdctl: raw)" 3 \
    "$ours --endpoints=$ep get /registry/k8s-pods --prefix --decode=k8s --decode-output=$format" \
    "$theirs --endpoints=$ep get /registry/k8s-pods --prefix"
done

if [ -z "${BENCH_QUICK:-}" ]; then
  say "1,000,000 keys with 1 KiB values (about 1 GiB)"
  bench_load /registry/leases 1000000 1024
  measure "get --prefix --keys-only, 1M keys" 3 "$ours --endpoints=$ep get /registry/leases --prefix --keys-only" \
    "$theirs --endpoints=$ep get /registry/leases --prefix --keys-only"
  measure "snapshot save, ~1 GiB" 3 "rm -f $work/o.db; $ours --endpoints=$ep snapshot save $work/o.db" \
    "rm -f $work/t.db; $theirs --endpoints=$ep snapshot save $work/t.db"
  measure "snapshot status, ~1 GiB (vs etcdutl)" 3 "$ours snapshot status $work/o.db" "$utl snapshot status $work/o.db"
  measure "snapshot restore, ~1 GiB (vs etcdutl)" 3 "rm -rf $work/ro; $ours snapshot restore $work/o.db --data-dir $work/ro" \
    "rm -rf $work/rt; $utl snapshot restore $work/o.db --data-dir $work/rt"
  # a stopped member's data directory: the restored one, copied afresh (untimed) before each run
  measure "defrag --data-dir, ~1 GiB (vs etcdutl)" 3 "$ours defrag --data-dir $work/dd" "$utl defrag --data-dir $work/dd" \
    "rm -rf $work/dd; cp -a $work/ro $work/dd"
fi

if "$ours" help 2>/dev/null | grep -qE "^[[:space:]]+watch[[:space:]]"; then
  say "watch throughput: events printed while 100,000 keys are written"
  for side in ours theirs; do
    tool=$ours; [ $side = theirs ] && tool=$theirs
    "$tool" --endpoints="$ep" watch --prefix "/watch-$side" >"$work/watch-$side.out" 2>/dev/null &
    wpid=$!
    sleep 1
    start=$(date +%s.%N)
    bench_load "/watch-$side" 100000 100 --paced 2>/dev/null
    while [ "$(grep -c '^PUT$' "$work/watch-$side.out")" -lt 100000 ]; do sleep 0.1; done
    end=$(date +%s.%N)
    kill "$wpid" 2>/dev/null || true
    echo "$side $(echo "100000 / ($end - $start)" | bc -l)" >>"$work/watch"
  done
  o=$(awk '$1=="ours"{print $2}' "$work/watch"); t=$(awk '$1=="theirs"{print $2}' "$work/watch")
  printf '| watch --prefix, 100k events (events/s) | %.0f /s | %.0f /s | %.2f (higher is better) | | | |\n' \
    "$o" "$t" "$(echo "$o / $t" | bc -l)" | tee -a "$results"
fi

out=${BENCH_OUT:-$root/docs/performance.md}
mkdir -p "$(dirname "$out")"
{
  echo "| case | jetcdctl wall | etcdctl wall | ratio | jetcdctl peak RSS | etcdctl peak RSS | ratio |"
  echo "|---|---|---|---|---|---|---|"
  cat "$results"
} >"$work/table.md"
if [ -f "$out" ] && grep -q '<!-- bench:begin -->' "$out"; then
  python3 - "$out" "$work/table.md" "$(date -u +%Y-%m-%d) on $(nproc) cores, jetcdctl on $("$jvm" -version 2>&1 | head -1)" <<'PY'
import sys
doc, table, when = open(sys.argv[1]).read(), open(sys.argv[2]).read(), sys.argv[3]
a, b = doc.index('<!-- bench:begin -->'), doc.index('<!-- bench:end -->')
open(sys.argv[1], 'w').write(doc[:a] + '<!-- bench:begin -->\nMeasured ' + when + '.\n\n' + table + doc[b:])
PY
else
  cat "$work/table.md"
fi
say "results in $out"
