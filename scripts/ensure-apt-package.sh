#!/bin/sh
# Usage: ensure-apt-package.sh <command or path> <Debian package> <what needs it>
# Tests drive real programs from Debian's packages (a download of a tool's own build cannot work on
# machines without outside network access). When the program is missing: installed with apt-get as
# root, otherwise one line says what to install.
set -e
program=$1 package=$2 purpose=$3
command -v "$program" >/dev/null 2>&1 && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's $package for $purpose..."
  log=$(mktemp)
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$package"; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  exit 0
fi
echo "Missing $program, which $purpose need: run 'sudo apt-get install $package' (Debian/Ubuntu), then the tests again." >&2
exit 1
