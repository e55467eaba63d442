#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian/Ubuntu machine: installs the JDK, Maven, the etcd
# binaries the tests start (3.5.16 and 3.4.23 from Debian's packages; 3.6.17 and 3.7.4 built from etcd's Go
# modules with the machine's Go; all into a user cache, so a second run costs nothing), dnsmasq and a C
# compiler, checks docker-compose.yml, then builds and runs the unit, golden and black-box tests (`mvn verify`:
# the black-box tier twice, with a JVM per command and through the resident jetcdctl).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/lib.sh"
cd "$root"

ensure_build_tools
say "installing etcd for the tests"
bash scripts/install-etcd.sh 3.5.16 3.4.23 >/dev/null
# etcd 3.6 and 3.7 are built with Go; CI must have them (the golden set runs on 3.6, the default line), elsewhere
# their tests are skipped without Go and the golden set runs on 3.5.
export JETCDCTL_TEST_LINES=3.5
if command -v go >/dev/null || [ -n "${CI:-}" ]; then
  started=$(date +%s)
  bash scripts/install-etcd.sh 3.6.17 3.7.4 >/dev/null
  say "etcd 3.6.17 and 3.7.4 ready ($(( $(date +%s) - started )) s)"
  export JETCDCTL_TEST_LINES=3.5,3.6,3.7
else
  say "no Go on this machine: the tests against etcd 3.6 and 3.7 are skipped, the golden set runs on 3.5"
fi

# The DNS discovery tests serve SRV records from a real DNS server on loopback.
if ! command -v dnsmasq >/dev/null && [ ! -x /usr/sbin/dnsmasq ]; then
  say "installing dnsmasq for the DNS discovery tests"
  apt_install dnsmasq-base
fi

# The resident jetcdctl's native client is built with the machine's C compiler, and the black-box tier runs
# through it as well as without it (the tests that need it are skipped where it is missing, except in CI).
if ! command -v "${CC:-cc}" >/dev/null; then
  say "installing a C compiler for the native client"
  apt_install gcc libc6-dev
fi

# LauncherTerminalIT runs bin/jetcdctl in a pseudo-terminal made by util-linux's script (Debian's bsdutils),
# else by python3's pty module; without either it is skipped, except in CI.
if ! command -v script >/dev/null && ! command -v python3 >/dev/null; then
  say "installing util-linux's script for the terminal tests"
  apt_install bsdutils
fi

say "checking docker-compose.yml"
if ! command -v docker-compose >/dev/null; then
  apt_install docker-compose
fi
docker-compose -f docker-compose.yml config -q

# The black-box launcher tests run bin/jetcdctl on every JDK it may pick: the default 17 and a 25 or newer
# under /usr/lib/jvm (machines of CI's kind carry Temurin 25; elsewhere Debian/Ubuntu's openjdk-25 if served).
if ! ls /usr/lib/jvm/*/release 2>/dev/null | xargs -r grep -lE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' | grep -q .; then
  say "installing a JDK 25 for the launcher tests"
  apt_install openjdk-25-jdk-headless || say "no JDK 25 package here: the launcher tests cover JDK 17 only"
fi
if ls /usr/lib/jvm/*/release 2>/dev/null | xargs -r grep -lE '^JAVA_VERSION="(2[5-9]|[3-9][0-9])' | grep -q .; then
  export JETCDCTL_TEST_JDKS=17,25
elif [ -n "${CI:-}" ]; then
  die "CI needs a JDK 25 or newer under /usr/lib/jvm for the launcher tests"
else
  export JETCDCTL_TEST_JDKS=17
fi

say "building and testing"
# failsafe adds each run's results to the summary it finds: one left by an interrupted run would fail this one
rm -rf target/failsafe-reports target/failsafe-reports-daemon
mvn -B -ntp verify "$@"
