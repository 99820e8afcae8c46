#!/bin/sh
# The scale-out test (apps/server/test/scale-out.test.ts) runs the shop behind Debian's HAProxy,
# configured by deploy/haproxy.cfg.
exec sh "$(dirname "$0")/ensure-apt-package.sh" haproxy haproxy "the scale-out test"
