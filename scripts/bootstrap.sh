#!/bin/sh
# Installs the workspace. Native addons (better-sqlite3) build against the headers that ship with
# the running Node when they are present, so no header download is needed on machines without a
# network route to nodejs.org.
set -e
prefix=$(dirname "$(dirname "$(command -v node)")")
if [ -z "${npm_config_nodedir:-}" ] && [ -f "$prefix/include/node/node_version.h" ]; then
  export npm_config_nodedir="$prefix"
fi
exec pnpm install "$@"
