#!/usr/bin/env bash
# Builds jetcdctl and runs a short day-2 tour against etcd.
#
# With ETCDCTL_ENDPOINTS (and, for TLS, ETCDCTL_CACERT/ETCDCTL_CERT/ETCDCTL_KEY) set, the tour runs against
# that cluster. Without them it starts a throwaway single-member etcd 3.5 on loopback (data under
# .cache/demo-etcd), and leaves it running afterwards with the exact flags to keep using it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

ensure_build_tools
say "building jetcdctl"
mvn -B -q -ntp -DskipTests package

jetcdctl="$root/bin/jetcdctl"
if [ -z "${ETCDCTL_ENDPOINTS:-}" ]; then
  etcd_bin=$(bash scripts/install-etcd.sh 3.5.16 | tail -1)
  demo="$root/.cache/demo-etcd"
  port=${JETCDCTL_DEMO_PORT:-23790}
  export ETCDCTL_ENDPOINTS="127.0.0.1:$port"
  if "$jetcdctl" --dial-timeout=1s get probe >/dev/null 2>&1; then
    say "a demo etcd is already running at $ETCDCTL_ENDPOINTS"
  else
    say "starting a throwaway etcd at $ETCDCTL_ENDPOINTS (data in $demo)"
    mkdir -p "$demo"
    nohup "$etcd_bin/etcd" --name demo --data-dir "$demo/data" \
      --listen-client-urls "http://127.0.0.1:$port" --advertise-client-urls "http://127.0.0.1:$port" \
      --listen-peer-urls "http://127.0.0.1:$((port + 1))" --initial-advertise-peer-urls "http://127.0.0.1:$((port + 1))" \
      --initial-cluster "demo=http://127.0.0.1:$((port + 1))" --log-level error >"$demo/etcd.log" 2>&1 &
    echo $! >"$demo/etcd.pid"
    for _ in $(seq 50); do
      "$jetcdctl" --dial-timeout=200ms get probe >/dev/null 2>&1 && break
      sleep 0.2
    done
  fi
fi

run() {
  printf '\n$ jetcdctl %s\n' "$*"
  "$jetcdctl" "$@"
}

run member list -w table
run endpoint status -w table
run endpoint health
run put /registry/pods/default/web-0 '{"kind":"Pod"}'
run put /registry/pods/default/web-1 '{"kind":"Pod"}'
run get /registry/pods/ --prefix --keys-only
run get /registry/pods/default/web-0 -w json
run get /registry/pods/ --prefix --count-only -w fields
run snapshot save "$root/.cache/demo-backup.db"
run snapshot status "$root/.cache/demo-backup.db" -w table
run version

if [ -f "$root/.cache/demo-etcd/etcd.pid" ]; then
  cat >&2 <<MSG

The demo etcd keeps running. Keep using it with:
  $jetcdctl --endpoints=$ETCDCTL_ENDPOINTS get "" --prefix --keys-only
Stop it with:
  kill \$(cat $root/.cache/demo-etcd/etcd.pid)
MSG
fi
