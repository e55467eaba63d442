#!/usr/bin/env bash
# Builds the real etcd, etcdctl and etcdutl of one etcd release from etcd's Go modules, with this
# machine's Go and its configured module proxy, into the test suite's per-user cache. Used by
# scripts/install-etcd.sh for the releases Debian does not package; the binaries are test oracles only.
#
# Usage: scripts/build-etcd-go.sh VERSION          (e.g. 3.6.17)
#
# Result: ${JETCDCTL_ETCD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetcdctl/etcd}/VERSION/bin/{etcd,etcdctl,etcdutl},
#         printed on stdout. etcd's own go.mod files carry replace directives, so `go install …@version`
#         refuses them; they are built here as dependencies of a throwaway module, which is removed afterwards.
#         Nothing of etcd's code is kept outside Go's own module and build caches.
set -euo pipefail

log() { printf 'build-etcd-go: %s\n' "$*" >&2; }
die() { printf 'build-etcd-go: error: %s\n' "$*" >&2; exit 1; }

[ $# -eq 1 ] || die "usage: $0 VERSION"
version=$1
case "$version" in
  3.6.*|3.7.*) ;;
  *) die "only etcd 3.6 and 3.7 releases are built from Go modules (got $version)" ;;
esac
CACHE_ROOT="${JETCDCTL_ETCD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/jetcdctl/etcd}"

command -v go >/dev/null || die "Go is not installed: etcd $version is built from its Go modules. \
Install Go (1.26 or newer for etcd 3.7, 1.25 for 3.6), or build etcd $version yourself and set ETCD_BIN=<dir with etcd, etcdctl, etcdutl>"
go_version=$(go env GOVERSION)                     # go1.26.8
go_minor=$(printf '%s' "$go_version" | sed -E 's/^go1\.([0-9]+).*/\1/')
need_minor=25
case "$version" in 3.7.*) need_minor=26 ;; esac
if [ "${go_minor:-0}" -lt "$need_minor" ] 2>/dev/null; then
  die "etcd $version needs Go 1.$need_minor or newer; this machine has $go_version"
fi
proxy=$(go env GOPROXY)
case "$proxy" in
  off|"") die "Go's module proxy is off (GOPROXY=$proxy): etcd $version is built from its Go modules" ;;
esac

mkdir -p "$CACHE_ROOT"
work=$(mktemp -d "$CACHE_ROOT/.go.XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
export CGO_ENABLED=0 GOFLAGS="${GOFLAGS:-} -mod=mod" GOTOOLCHAIN=local
go mod init example.invalid/etcdbuild >/dev/null 2>&1
log "fetching etcd v$version's modules through the Go module proxy"
if ! go get "go.etcd.io/etcd/etcdctl/v3@v$version" "go.etcd.io/etcd/etcdutl/v3@v$version" \
        "go.etcd.io/etcd/server/v3@v$version" > get.log 2>&1; then
  tail -n 20 get.log >&2
  die "the Go module proxy did not serve etcd v$version's modules (see above); \
or build etcd $version yourself and set ETCD_BIN=<dir with etcd, etcdctl, etcdutl>"
fi
log "building etcd, etcdctl and etcdutl $version (a few minutes on a cold cache)"
mkdir -p out
go build -trimpath -o out/etcdctl go.etcd.io/etcd/etcdctl/v3
go build -trimpath -o out/etcdutl go.etcd.io/etcd/etcdutl/v3
go build -trimpath -o out/etcd go.etcd.io/etcd/server/v3
reported=$(./out/etcd --version | sed -n 's/^etcd Version: //p')
[ "$reported" = "$version" ] || die "the etcd built from v$version reports version '$reported'"

stage="$CACHE_ROOT/$version/bin.new.$$"
rm -rf "$stage"; mkdir -p "$stage"
install -m 0755 out/etcd out/etcdctl out/etcdutl "$stage/"
rm -rf "$CACHE_ROOT/$version/bin"
mv "$stage" "$CACHE_ROOT/$version/bin"
printf 'go module v%s, %s\n' "$version" "$go_version" > "$CACHE_ROOT/$version/source"
log "installed etcd $version into $CACHE_ROOT/$version/bin"
echo "$CACHE_ROOT/$version/bin"
