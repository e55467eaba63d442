#!/usr/bin/env bash
# Creates the throw-away PKI that docker-compose.yml mounts into its etcd members:
#
#   <dir>/ca.pem, ca-key.pem          the CA
#   <dir>/server.pem, server-key.pem  etcd's certificate for clients and peers
#                                     (SANs: localhost, etcd1, etcd2, etcd3, 127.0.0.1;
#                                     serverAuth + clientAuth)
#   <dir>/client.pem, client-key.pem  a client certificate, CN=root (PKCS#8 key)
#
# Usage: scripts/dev-certs.sh [--force] [dir]     (default dir: dev-certs/ at the repo root)
# Existing certificates are kept unless --force is given. Development use only: the keys are
# made world-readable so that the containers can read them whatever user they run as.
set -euo pipefail

force=false
if [ "${1:-}" = "--force" ]; then force=true; shift; fi
dir="${1:-$(cd "$(dirname "$0")/.." && pwd)/dev-certs}"

command -v openssl >/dev/null || { echo "dev-certs: openssl not found" >&2; exit 1; }

if [ -f "$dir/ca.pem" ] && [ -f "$dir/server.pem" ] && [ -f "$dir/client.pem" ] && ! $force; then
  echo "dev-certs: certificates already in $dir (use --force to recreate)" >&2
  echo "$dir"
  exit 0
fi
mkdir -p "$dir"
cd "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
days=825

openssl req -x509 -new -nodes -newkey rsa:2048 -sha256 -days 3650 \
  -keyout ca-key.pem -out ca.pem -subj "/O=jetcdctl dev/CN=jetcdctl dev CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null

cat > "$tmp/server.ext" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=DNS:localhost,DNS:etcd1,DNS:etcd2,DNS:etcd3,IP:127.0.0.1
EXT
openssl req -new -nodes -newkey rsa:2048 -keyout server-key.pem -out "$tmp/server.csr" \
  -subj "/O=jetcdctl dev/CN=etcd" 2>/dev/null
openssl x509 -req -in "$tmp/server.csr" -CA ca.pem -CAkey ca-key.pem -CAcreateserial \
  -CAserial "$tmp/ca.srl" -out server.pem -days "$days" -sha256 -extfile "$tmp/server.ext" 2>/dev/null

cat > "$tmp/client.ext" <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth
EXT
openssl req -new -nodes -newkey rsa:2048 -keyout client-key.pem -out "$tmp/client.csr" \
  -subj "/CN=root" 2>/dev/null
openssl x509 -req -in "$tmp/client.csr" -CA ca.pem -CAkey ca-key.pem \
  -CAserial "$tmp/ca.srl" -out client.pem -days "$days" -sha256 -extfile "$tmp/client.ext" 2>/dev/null

chmod 0644 ./*.pem
openssl verify -CAfile ca.pem server.pem client.pem >&2
echo "$dir"
