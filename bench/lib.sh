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
