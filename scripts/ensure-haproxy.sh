#!/bin/sh
# The scale-out test (apps/server/test/scale-out.test.ts) runs the shop behind Debian's HAProxy,
# with deploy/haproxy.cfg. When it is missing: installed with apt-get as root, otherwise one line
# says what to install.
set -e
command -v haproxy >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's haproxy for the scale-out test..."
  log=$(mktemp)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  exit 0
fi
echo "The scale-out test needs HAProxy: run 'sudo apt-get install haproxy' (Debian/Ubuntu), then the tests again." >&2
exit 1
