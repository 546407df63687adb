#!/usr/bin/env bash
# Installs ClickHouse's in-process engine (libchdb.so, from the npm package
# @chdb/lib-linux-x64-gnu) into .tools/chdb, for the twin tests and benchmarks
# (bench/Waymark.Twins). Idempotent: prints nothing but errors when the pinned
# version is already there. Needs npm; installs Debian's npm if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# chdb 3.4.0 (npm) pins this build: ClickHouse 26.7.3. The library is 540 MB.
package=@chdb/lib-linux-x64-gnu
version=26.7.3-stable.1
target=.tools/chdb
installed="$target/node_modules/$package"

installed_version() {
  sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$installed/package.json" 2>/dev/null
}

if [ "$(installed_version)" = "$version" ] && [ -s "$installed/libchdb.so" ]; then
  exit 0
fi

if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "install-chdb: $package is built for Linux x86-64; this is $(uname -s) $(uname -m)" >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-chdb: npm not found; installing Debian's npm" >&2
  if ! { $sudo apt-get update -qq && $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; } >/dev/null; then
    echo "install-chdb: could not install npm (apt-get install -y npm)" >&2
    exit 1
  fi
fi

# Install beside the target and move it into place, so an interrupted run
# never leaves a half-written library that looks installed.
staging="$target.staging.$$"
log=$(mktemp)
trap 'rm -rf "$staging" "$log"' EXIT
mkdir -p "$staging"
if ! npm install --prefix "$staging" --no-save --no-package-lock --no-audit --no-fund \
  --loglevel=error "$package@$version" >"$log" 2>&1; then
  grep -v "Unknown user config" "$log" >&2 || true
  echo "install-chdb: npm install $package@$version failed" >&2
  exit 1
fi
if [ ! -s "$staging/node_modules/$package/libchdb.so" ]; then
  echo "install-chdb: $package@$version installed no libchdb.so" >&2
  exit 1
fi
rm -rf "$target"
mv "$staging" "$target"
