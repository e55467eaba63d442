#!/usr/bin/env bash
# The resident jetcdctl against a JVM per command and against etcdctl 3.5.16, run in turn (jvm, daemon, etcdctl,
# jvm, ...) against one local etcd, plaintext and mutual TLS, on JDK 25 and 17; then a bash loop of gets through
# each, the first command with no daemon running, the client's peak RSS and the daemon's idle RSS.
# Reports medians of wall time and the ratios to etcdctl.
#
#   bash bench/daemon.sh [ROUNDS] [LOOP]   # defaults: 15 rounds, a loop of 1000 gets
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
. "$root/bench/lib.sh"
cd "$root"
rounds=${1:-15}
loop=${2:-1000}

ensure_build_tools
etcd_bin=$(bash scripts/install-etcd.sh 3.5.16 | tail -1)
mvn -B -q -ntp -DskipTests package
[ -x target/jetcdctl-client ] || die "no native client was built (no C compiler): nothing to compare"

work=$(mktemp -d "${TMPDIR:-/tmp}/jetcdctl-daemon.XXXXXX")
chmod 700 "$work"
export XDG_RUNTIME_DIR=$work/run XDG_CACHE_HOME=$work/cache
mkdir -m 700 "$XDG_RUNTIME_DIR"
cleanup() {
  for java in "" ${jdk17:+"$jdk17"}; do
    JETCDCTL_DAEMON=on JETCDCTL_JAVA=$java "$root/bin/jetcdctl" daemon stop >/dev/null 2>&1 || true
  done
  [ -z "${etcd_pid:-}" ] || kill "$etcd_pid" 2>/dev/null || true
  [ -z "${tls_pid:-}" ] || kill "$tls_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
start_bench_etcd "$etcd_bin" "$work"
start_tls_bench_etcd "$etcd_bin" "$work"
theirs="$etcd_bin/etcdctl"
"$theirs" --endpoints="$ep" put /bench/one value >/dev/null
"$theirs" $tls put /bench/one value >/dev/null
jdk17=$(ls -d /usr/lib/jvm/*17*/bin/java 2>/dev/null | head -1 || true)
ours="$root/bin/jetcdctl"

# Class archives recorded (their first commands run in a JVM of their own), daemons up and warm.
warm() { # ENV...
  local i
  for i in 1 2 3; do
    env "$@" JETCDCTL_DAEMON=on "$ours" --endpoints="$ep" get /bench/one >/dev/null
    env "$@" JETCDCTL_DAEMON=on "$ours" $tls get /bench/one >/dev/null
    sleep 2
  done
  await_class_archives "$XDG_CACHE_HOME"
  for i in 1 2 3 4 5; do env "$@" JETCDCTL_DAEMON=on "$ours" --endpoints="$ep" get /bench/one >/dev/null; done
}
warm JETCDCTL_JAVA=
[ -z "$jdk17" ] || warm JETCDCTL_JAVA="$jdk17"

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }

echo "| case | etcdctl | JVM per command | daemon | daemon / etcdctl | client peak RSS |"
echo "|---|---|---|---|---|---|"
# case NAME ENV ARGS: ENV is prepended to the jetcdctl runs only
case_() {
  local name=$1 env=$2 args=$3 i side cmd start
  for side in jvm daemon theirs; do : >"$work/$side.wall"; : >"$work/$side.rss"; done
  local sides=(jvm daemon theirs)
  for i in $(seq "$rounds"); do
    # (the order turns each round: a command right after a JVM of its own ran a third slower or more, whichever
    # side it was, the caches that JVM evicted being the next command's to refill)
    for side in "${sides[@]:i%3}" "${sides[@]:0:i%3}"; do
      case $side in
        jvm) cmd="$env JETCDCTL_DAEMON=off $ours $args" ;; # (assignments, not env: no process more than etcdctl)
        daemon) cmd="$env JETCDCTL_DAEMON=on $ours $args" ;;
        theirs) cmd="$theirs $args" ;;
      esac
      # (wall time from bash's clock, to the microsecond: /usr/bin/time's %e has 10 ms steps, as coarse as a
      # warm command; its fork is in every side's figure alike)
      start=$EPOCHREALTIME
      /usr/bin/time -f "%M" -o "$work/time" bash -c "$cmd" >/dev/null 2>"$work/err" || {
        echo "daemon bench: '$cmd' failed:" >&2; cat "$work/err" >&2; exit 1; }
      echo "$EPOCHREALTIME - $start" | bc -l >>"$work/$side.wall"
      cat "$work/time" >>"$work/$side.rss"
    done
  done
  local jw dw tw dr
  jw=$(median <"$work/jvm.wall"); dw=$(median <"$work/daemon.wall"); tw=$(median <"$work/theirs.wall")
  dr=$(median <"$work/daemon.rss")
  printf '| %s | %.3f s | %.3f s | %.3f s | %s× | %d MiB |\n' "$name" "$tw" "$jw" "$dw" "$(ratio "$dw" "$tw")" \
    "$((${dr%.*} / 1024))"
}
case_ "get one key, JDK 25" "JETCDCTL_JAVA=" "--endpoints=$ep get /bench/one"
case_ "get one key, mutual TLS, JDK 25" "JETCDCTL_JAVA=" "$tls get /bench/one"
[ -z "$jdk17" ] || case_ "get one key, JDK 17" "JETCDCTL_JAVA=$jdk17" "--endpoints=$ep get /bench/one"
[ -z "$jdk17" ] || case_ "get one key, mutual TLS, JDK 17" "JETCDCTL_JAVA=$jdk17" "$tls get /bench/one"

# A shell loop, as a script would run it (the JVM route would take minutes: it is left out).
loop_time() { # COMMAND...
  local start end
  start=$(date +%s.%N)
  for _ in $(seq "$loop"); do "$@" --endpoints="$ep" get /bench/one >/dev/null; done
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l | xargs printf '%.2f'
}
# The daemon's own CPU time (user + system, in clock ticks) so far: what a request costs it, whatever the load.
daemon_ticks() {
  local pid
  pid=$(JETCDCTL_DAEMON=on JETCDCTL_JAVA= "$ours" daemon status | sed -n 's/^pid: //p')
  awk '{print $14 + $15}' /proc/"$pid"/stat
}
t=$(loop_time "$theirs")
before=$(daemon_ticks)
d=$(JETCDCTL_DAEMON=on JETCDCTL_JAVA= loop_time "$ours")
after=$(daemon_ticks)
echo "| bash loop of $loop gets, JDK 25 | $t s | | $d s | $(ratio "$d" "$t")× | |"
echo "daemon CPU per get in the loop (JDK 25): $(echo "($after - $before) * 1000 / $(getconf CLK_TCK) / $loop" | bc -l |
  xargs printf '%.1f') ms"

# The first command with no daemon running: it runs in a JVM of its own and starts one in the background.
: >"$work/first.wall"; : >"$work/jvm.wall"
for i in $(seq 5); do
  JETCDCTL_DAEMON=on JETCDCTL_JAVA= "$ours" daemon stop >/dev/null
  start=$EPOCHREALTIME
  JETCDCTL_DAEMON=on JETCDCTL_JAVA= "$ours" --endpoints="$ep" get /bench/one >/dev/null
  echo "$EPOCHREALTIME - $start" | bc -l >>"$work/first.wall"
  start=$EPOCHREALTIME
  JETCDCTL_DAEMON=off JETCDCTL_JAVA= "$ours" --endpoints="$ep" get /bench/one >/dev/null
  echo "$EPOCHREALTIME - $start" | bc -l >>"$work/jvm.wall"
  sleep 3
done
f=$(median <"$work/first.wall"); j=$(median <"$work/jvm.wall")
printf '| first command, no daemon running, JDK 25 | | %.3f s | %.3f s |' "$j" "$f"
echo " ($(ratio "$f" "$j")× the JVM route) | |"

sleep 5
for java in "" ${jdk17:+"$jdk17"}; do
  pid=$(JETCDCTL_DAEMON=on JETCDCTL_JAVA=$java "$ours" daemon status | sed -n 's/^pid: //p')
  [ -n "$pid" ] && echo "daemon idle RSS (${java:-JDK 25}): $(awk '/VmRSS/ {printf "%d MiB", $2 / 1024}' /proc/"$pid"/status)"
done
