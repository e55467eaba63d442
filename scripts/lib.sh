#!/usr/bin/env bash
# Shared helpers for the project's scripts (sourced, not run).

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs apt-get as root, through sudo when we are not root.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root (or sudo) to install: $*"
    sudo="sudo"
  fi
  if [ -z "${APT_UPDATED:-}" ]; then
    $sudo apt-get update -qq >&2
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

java_major() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  "$java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

# A JDK 17+ and Maven, installed from the distribution when missing.
ensure_build_tools() {
  local major
  major=$(java_major 2>/dev/null || true)
  if ! command -v javac >/dev/null || [ -z "$major" ] || [ "$major" -lt 17 ]; then
    say "installing a JDK 17"
    apt_install openjdk-17-jdk-headless
  fi
  if ! command -v mvn >/dev/null; then
    say "installing Maven"
    apt_install maven
  fi
}

# Starts a single-member etcd for the benchmarks on a random loopback port, with data in WORK/etcd, and waits
# until it is healthy. Sets etcd_pid and ep (host:port) for the caller, which stops it.
start_bench_etcd() {
  local etcd_bin=$1 work=$2 port=$((20000 + RANDOM % 10000))
  ep="127.0.0.1:$port"
  "$etcd_bin/etcd" --name bench --data-dir "$work/etcd" --listen-client-urls "http://$ep" --advertise-client-urls "http://$ep" \
    --listen-peer-urls "http://127.0.0.1:$((port + 1))" --initial-advertise-peer-urls "http://127.0.0.1:$((port + 1))" \
    --initial-cluster "bench=http://127.0.0.1:$((port + 1))" --quota-backend-bytes=$((8 * 1024 * 1024 * 1024)) \
    --log-level error >"$work/etcd.log" 2>&1 &
  etcd_pid=$!
  for _ in $(seq 100); do "$etcd_bin/etcdctl" --endpoints="$ep" endpoint health >/dev/null 2>&1 && break; sleep 0.1; done
}

# Starts a single-member etcd that requires mutual TLS, with development certificates in WORK/certs (the client
# key also in PKCS#1, as kubeadm writes them), and waits until it is healthy. Sets tls_pid and tls (the global
# flags that reach it) for the caller, which stops it.
start_tls_bench_etcd() {
  local etcd_bin=$1 work=$2 port=$((20000 + RANDOM % 10000))
  bash "$(dirname "${BASH_SOURCE[0]}")/dev-certs.sh" "$work/certs" >/dev/null
  openssl rsa -in "$work/certs/client-key.pem" -traditional -out "$work/certs/client-key-pkcs1.pem" 2>/dev/null
  "$etcd_bin/etcd" --name tls --data-dir "$work/etcd-tls" --listen-client-urls "https://127.0.0.1:$port" \
    --advertise-client-urls "https://127.0.0.1:$port" --listen-peer-urls "http://127.0.0.1:$((port + 1))" \
    --initial-advertise-peer-urls "http://127.0.0.1:$((port + 1))" --initial-cluster "tls=http://127.0.0.1:$((port + 1))" \
    --cert-file "$work/certs/server.pem" --key-file "$work/certs/server-key.pem" \
    --trusted-ca-file "$work/certs/ca.pem" --client-cert-auth --log-level error >"$work/etcd-tls.log" 2>&1 &
  tls_pid=$!
  tls="--endpoints=127.0.0.1:$port --cacert=$work/certs/ca.pem --cert=$work/certs/client.pem"
  tls="$tls --key=$work/certs/client-key-pkcs1.pem"
  for _ in $(seq 100); do "$etcd_bin/etcdctl" $tls endpoint health >/dev/null 2>&1 && break; sleep 0.1; done
}
