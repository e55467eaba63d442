#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian/Ubuntu machine: installs the JDK, Maven and the etcd
# binaries the tests start (3.5.16 and 3.4.23, into a user cache), checks docker-compose.yml, then
# builds and runs the unit, golden and black-box tests (`mvn verify`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

ensure_build_tools
say "installing etcd for the tests"
bash scripts/install-etcd.sh all >/dev/null

say "checking docker-compose.yml"
if ! command -v docker-compose >/dev/null; then
  apt_install docker-compose
fi
docker-compose -f docker-compose.yml config -q

say "building and testing"
mvn -B -ntp verify "$@"
