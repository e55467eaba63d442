#!/usr/bin/env bash
# Shared helpers for the benchmarks (sourced after scripts/lib.sh, from the repository's root).

# The median of the numbers on stdin, one a line.
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# bench_build [MVN_FLAGS...]: the jar, and the test classes with their classpath for bench_load.
bench_build() {
  mvn -B -q "$@" -DskipTests package
  mvn -B -q "$@" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
  mvn -B -q "$@" test-compile
}

# bench_load PREFIX COUNT VALUE_BYTES [--paced]: Kubernetes-shaped keys into the etcd at $ep (see bench/Loader).
bench_load() {
  java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.github.jetcdctl.bench.Loader \
    "$ep" "$@"
}

# await_class_archives [CACHE_HOME...]: waits (up to a minute) until no JDK 25 AOT cache is still being assembled
# in the background under any of these cache homes (default: the user's), so that runs are timed with it.
await_class_archives() {
  local homes=("$@") home pending
  [ ${#homes[@]} -gt 0 ] || homes=("${XDG_CACHE_HOME:-$HOME/.cache}")
  for _ in $(seq 300); do
    pending=
    for home in "${homes[@]}"; do
      ! ls "$home"/jetcdctl/cds/*.[0-9]* >/dev/null 2>&1 || pending=1
    done
    [ -n "$pending" ] || return 0
    sleep 0.2
  done
}

# ratio A B: A / B, to two decimals.
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }

# timed_run CMD FILES: runs the bash snippet CMD, its stdout discarded, and appends its wall time in seconds to
# FILES.wall (bash's clock, to the microsecond: /usr/bin/time's %e has 10 ms steps), its peak RSS in KiB (the
# largest of its processes) to FILES.rss and its CPU seconds (user + system) to FILES.cpu, both from
# /usr/bin/time; a failure prints CMD's stderr and exits.
timed_run() {
  local cmd=$1 files=$2 start
  start=$EPOCHREALTIME
  /usr/bin/time -f "%M %U %S" -o "$files.time" bash -c "$cmd" >/dev/null 2>"$files.err" || {
    echo "bench: '$cmd' failed:" >&2; cat "$files.err" >&2; exit 1; }
  echo "$EPOCHREALTIME - $start" | bc -l >>"$files.wall"
  tail -1 "$files.time" | awk '{print $1}' >>"$files.rss"
  tail -1 "$files.time" | awk '{print $2 + $3}' >>"$files.cpu"
}

# cpu_seconds PID: the CPU time (user + system) a running process has used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' /proc/"$1"/stat; }

# jdk_java MAJOR: the java of the JDK MAJOR installed under /usr/lib/jvm (nothing when there is none).
jdk_java() {
  local release
  for release in /usr/lib/jvm/*/release; do
    if grep -q "^JAVA_VERSION=\"$1[.\"]" "$release" 2>/dev/null && [ -x "${release%/release}/bin/java" ]; then
      echo "${release%/release}/bin/java"
      return
    fi
  done
}

# daemon_pid [ENV...]: the pid of the resident jetcdctl that bin/jetcdctl would use with these settings (none:
# nothing).
daemon_pid() {
  env "$@" JETCDCTL_DAEMON=on "$root/bin/jetcdctl" daemon status | sed -n 's/^pid: //p'
}

# proc_kib PID FIELD: a process's VmRSS or VmHWM (its peak RSS since start or since reset_peak_rss) in KiB.
proc_kib() { awk -v field="$2:" '$1 == field {print $2}' /proc/"$1"/status; }

# reset_peak_rss PID: the process's VmHWM starts again from its current RSS (Linux 4.0+).
reset_peak_rss() { echo 5 >/proc/"$1"/clear_refs; }

# replace_marked FILE NAME TABLE HEADING: the text between <!-- NAME:begin --> and <!-- NAME:end --> in FILE
# becomes HEADING, a blank line and the contents of the file TABLE; returns 1 when FILE has no such markers.
replace_marked() {
  [ -f "$1" ] && grep -q "<!-- $2:begin -->" "$1" || return 1
  python3 - "$@" <<'PY'
import sys
path, name, table, heading = sys.argv[1:5]
doc = open(path).read()
begin, end = '<!-- %s:begin -->' % name, '<!-- %s:end -->' % name
a, b = doc.index(begin), doc.index(end)
open(path, 'w').write(doc[:a] + begin + '\n' + heading + '\n\n' + open(table).read() + doc[b:])
PY
}
