#!/bin/sh
# The browser tests drive Debian's Chromium at /usr/bin/chromium through playwright-core.
exec sh "$(dirname "$0")/ensure-apt-package.sh" /usr/bin/chromium chromium "the browser tests"
