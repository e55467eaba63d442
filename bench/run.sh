#!/usr/bin/env bash
# Side-by-side benchmarks of bin/jetcdctl against etcdctl/etcdutl 3.5.16 on one local etcd.
# Each case runs both tools alternately (ROUNDS times, default 5; bulk cases 3) and reports the medians of
# wall time and peak memory (RSS) and their ratios. Writes docs/performance.md (or $BENCH_OUT).
# The bulk gets run three ways in turn: etcdctl, jetcdctl with a JVM per command (JETCDCTL_DAEMON=off) and
# jetcdctl through its resident JVM (warmed by one run of the case first), on each JDK of $BENCH_JDKS; for the
# daemon route the table gives the client's peak RSS and how far the daemon's RSS rose above where it was.
#
#   bash bench/run.sh                   # all cases; the 1M-key dataset and its ~1 GiB snapshot take a few minutes
#   BENCH_QUICK=1 bash bench/run.sh     # skip the 1M-key/1 GiB cases
#   BENCH_JDKS="25 17" bash bench/run.sh  # the bulk gets on JDK 25 and on JDK 17 (default: 25), one etcd
#   BENCH_BULK_ONLY=1 bash bench/run.sh # the bulk gets alone (the 1M keys too, unless BENCH_QUICK)
#   BENCH_NO_BUILD=1 bash bench/run.sh  # the build already in target/, as it is
#   BENCH_BULK_ROUNDS=9 ...             # that many rounds of every bulk case (default 3, 5 for | head -5)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
. "$root/bench/lib.sh"
cd "$root"
# A JVM per command, the route these figures have always measured; the bulk cases add the resident one.
export JETCDCTL_DAEMON=${JETCDCTL_DAEMON:-off}
bulk_only=${BENCH_BULK_ONLY:-}

ensure_build_tools
command -v bc >/dev/null || apt_install bc
etcd_bin=$(bash scripts/install-etcd.sh 3.5.16 | tail -1)
# (BENCH_NO_BUILD=1: measure the build already in target/, e.g. one made with `mvn -o`)
[ -n "${BENCH_NO_BUILD:-}" ] || bench_build -ntp

work=$(mktemp -d "${TMPDIR:-/tmp}/jetcdctl-bench.XXXXXX")
chmod 700 "$work"
# the resident JVMs of this run are its own, and are stopped at its end
export XDG_RUNTIME_DIR=$work/run
mkdir -m 700 "$XDG_RUNTIME_DIR"
jdks=()
for major in ${BENCH_JDKS:-25}; do
  java=$(jdk_java "$major")
  [ -n "$java" ] || die "no JDK $major under /usr/lib/jvm (BENCH_JDKS)"
  jdks+=("$major=$java")
done
cleanup() {
  for jdk in "${jdks[@]}"; do
    JETCDCTL_DAEMON=on JETCDCTL_JAVA=${jdk#*=} "$root/bin/jetcdctl" daemon stop >/dev/null 2>&1 || true
  done
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

bulk_results="$work/bulk.md"
: >"$bulk_results"
# Each JDK's JVM route gets its class archive, and its resident JVM is started.
for jdk in "${jdks[@]}"; do
  JETCDCTL_JAVA=${jdk#*=} JETCDCTL_DAEMON=off "$ours" --endpoints="$ep" get warmup >/dev/null
  await_class_archives
  JETCDCTL_JAVA=${jdk#*=} JETCDCTL_DAEMON=on "$ours" --endpoints="$ep" get warmup >/dev/null
done

# bulk NAME ROUNDS ARGS [PIPE]: `etcdctl ARGS PIPE`, `jetcdctl ARGS PIPE` with a JVM per command and through the
# resident JVM (warmed by one run first), in turn, on each JDK of $BENCH_JDKS; one row per JDK. CPU is each
# route's own (the daemon route's: the client's and the daemon's) and etcd's during the run: on a shared machine it
# says more than wall time.
bulk() {
  local name=$1 rounds=${BENCH_BULK_ROUNDS:-$2} args="--endpoints=$ep $3" pipe=${4:-} jdk java pid side cmd before i etcd0 daemon0 own
  for jdk in "${jdks[@]}"; do
    java=${jdk#*=}
    bash -c "JETCDCTL_JAVA=$java JETCDCTL_DAEMON=on $ours $args $pipe" >/dev/null
    for i in $(seq 100); do pid=$(daemon_pid JETCDCTL_JAVA="$java"); [ -z "$pid" ] || break; sleep 0.1; done
    [ -n "$pid" ] || die "no resident jetcdctl for JDK ${jdk%%=*}"
    for side in theirs jvm daemon; do
      : >"$work/$side.wall"; : >"$work/$side.rss"; : >"$work/$side.cpu"; : >"$work/$side.etcd"
    done
    : >"$work/daemon.grown"
    for i in $(seq "$rounds"); do
      for side in theirs jvm daemon; do
        case $side in
          theirs) cmd="$theirs $args" ;;
          jvm) cmd="JETCDCTL_JAVA=$java JETCDCTL_DAEMON=off $ours $args" ;;
          daemon) cmd="JETCDCTL_JAVA=$java JETCDCTL_DAEMON=on $ours $args"
            before=$(proc_kib "$pid" VmRSS)
            reset_peak_rss "$pid" ;;
        esac
        etcd0=$(cpu_seconds "$etcd_pid"); daemon0=$(cpu_seconds "$pid")
        timed_run "$cmd $pipe" "$work/$side"
        echo "$(cpu_seconds "$etcd_pid") - $etcd0" | bc -l >>"$work/$side.etcd"
        [ $side = daemon ] || continue
        [ -d /proc/"$pid" ] || die "the resident jetcdctl $pid ended during '$cmd'"
        echo $(($(proc_kib "$pid" VmHWM) - before)) >>"$work/daemon.grown"
        # (the client's CPU and the daemon's, as one)
        own=$(tail -1 "$work/daemon.cpu")
        sed -i '$d' "$work/daemon.cpu"
        echo "$own + $(cpu_seconds "$pid") - $daemon0" | bc -l >>"$work/daemon.cpu"
      done
    done
    local tw jw dw tr jr dr grown cpu=()
    tw=$(median <"$work/theirs.wall"); jw=$(median <"$work/jvm.wall"); dw=$(median <"$work/daemon.wall")
    tr=$(median <"$work/theirs.rss"); jr=$(median <"$work/jvm.rss"); dr=$(median <"$work/daemon.rss")
    grown=$(median <"$work/daemon.grown")
    sleep 1 # (the daemon's RSS after: its collection after a big request runs once the client has gone)
    for side in theirs jvm daemon; do
      cpu+=("$(median <"$work/$side.cpu" | xargs printf '%.2f') + $(median <"$work/$side.etcd" | xargs printf '%.2f')")
    done
    printf '| %s | %s | %.3f s | %.3f s | %.3f s | %s | %s | %s | %s | %s | %s | %d MiB | %d MiB | %d MiB | +%d MiB (%d MiB after) | %s |\n' \
      "${name//|/\\|}" "${jdk%%=*}" "$tw" "$jw" "$dw" "$(ratio "$jw" "$tw")" "$(ratio "$dw" "$tw")" "$(ratio "$dw" "$jw")" \
      "${cpu[@]}" \
      $((${tr%.*} / 1024)) $((${jr%.*} / 1024)) $((${dr%.*} / 1024)) $((${grown%.*} / 1024)) \
      $(($(proc_kib "$pid" VmRSS) / 1024)) "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$bulk_results"
  done
}

if [ -z "$bulk_only" ]; then
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
fi

say "100,000 Kubernetes-shaped keys with 1 KiB values"
bench_load /registry/pods 100000 1024
bulk "get --prefix --keys-only, 100k keys" 3 "get /registry/pods --prefix --keys-only"
bulk "get /registry/ --prefix --keys-only | head -5, 100k keys" 5 "get /registry/ --prefix --keys-only" "| head -5"
bulk "get --prefix, 100k keys x 1 KiB" 3 "get /registry/pods --prefix"
bulk "get --prefix -w json, 100k keys x 1 KiB" 3 "get /registry/pods --prefix -w json"
bulk "get --prefix | head -5, 100k keys x 1 KiB" 5 "get /registry/pods --prefix" "| head -5"

if [ -z "$bulk_only" ]; then
  say "100,000 Pods in Kubernetes' protobuf envelope, decoded (etcdctl can only print them raw)"
  java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.github.jetcdctl.bench.PodLoader \
    "$ep" /registry/k8s-pods 100000
  for format in yaml json; do
    measure "get --prefix --decode=k8s --decode-output=$format, 10k Pods (etcdctl: raw)" 3 \
      "$ours --endpoints=$ep get /registry/k8s-pods --prefix --limit=10000 --decode=k8s --decode-output=$format" \
      "$theirs --endpoints=$ep get /registry/k8s-pods --prefix --limit=10000"
    measure "get --prefix --decode=k8s --decode-output=$format, 100k Pods (etcdctl: raw)" 3 \
      "$ours --endpoints=$ep get /registry/k8s-pods --prefix --decode=k8s --decode-output=$format" \
      "$theirs --endpoints=$ep get /registry/k8s-pods --prefix"
  done
fi

if [ -z "${BENCH_QUICK:-}" ]; then
  say "1,000,000 keys with 1 KiB values (about 1 GiB)"
  bench_load /registry/leases 1000000 1024
  # (every side with a longer --command-timeout: on a loaded machine etcd alone took over the default 5 s)
  bulk "get --prefix --keys-only, 1M keys" 3 "get /registry/leases --prefix --keys-only --command-timeout=60s"
  bulk "get /registry/ --prefix --keys-only | head -5, 1.1M keys or more" 5 \
    "get /registry/ --prefix --keys-only --command-timeout=60s" "| head -5"
  if [ -z "$bulk_only" ]; then
    measure "snapshot save, ~1 GiB" 3 "rm -f $work/o.db; $ours --endpoints=$ep snapshot save $work/o.db" \
      "rm -f $work/t.db; $theirs --endpoints=$ep snapshot save $work/t.db"
    measure "snapshot status, ~1 GiB (vs etcdutl)" 3 "$ours snapshot status $work/o.db" "$utl snapshot status $work/o.db"
    measure "snapshot restore, ~1 GiB (vs etcdutl)" 3 \
      "rm -rf $work/ro; $ours snapshot restore $work/o.db --data-dir $work/ro" \
      "rm -rf $work/rt; $utl snapshot restore $work/o.db --data-dir $work/rt"
    # a stopped member's data directory: the restored one, copied afresh (untimed) before each run
    measure "defrag --data-dir, ~1 GiB (vs etcdutl)" 3 "$ours defrag --data-dir $work/dd" \
      "$utl defrag --data-dir $work/dd" "rm -rf $work/dd; cp -a $work/ro $work/dd"
  fi
fi

if [ -z "$bulk_only" ] && "$ours" help 2>/dev/null | grep -qE "^[[:space:]]+watch[[:space:]]"; then
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
when="$(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores"
if [ -s "$results" ]; then
  {
    echo "| case | jetcdctl wall | etcdctl wall | ratio | jetcdctl peak RSS | etcdctl peak RSS | ratio |"
    echo "|---|---|---|---|---|---|---|"
    cat "$results"
  } >"$work/table.md"
  replace_marked "$out" bench "$work/table.md" \
    "Measured $when, jetcdctl on $("$jvm" -version 2>&1 | head -1)." || cat "$work/table.md"
fi
{
  echo "| case | JDK | etcdctl | JVM per command | daemon | JVM / etcdctl | daemon / etcdctl | daemon / JVM |" \
    "CPU s, etcdctl + etcd | JVM + etcd | client and daemon + etcd |" \
    "etcdctl peak RSS | JVM peak RSS | client peak RSS | daemon RSS growth (after) | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$bulk_results"
} >"$work/bulk-table.md"
replace_marked "$out" bench-bulk "$work/bulk-table.md" "Measured $when; medians; load: the 1-minute load average after each row." ||
  cat "$work/bulk-table.md"
say "results in $out"
