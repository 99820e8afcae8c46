#!/bin/sh
# The browser tests drive Debian's Chromium at /usr/bin/chromium through playwright-core (a
# browser download of Playwright's own cannot work on machines without outside network access).
# When it is missing: installed with apt-get as root, otherwise one line says what to install.
set -e
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests (about a minute)..."
  log=$(mktemp)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu), then the tests again." >&2
exit 1
