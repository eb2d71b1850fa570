#!/bin/sh
# entrypoint.sh - the image's entrypoint path before s6-overlay, kept working.
#
# Who runs it: setups written for older images, as
# `docker run --entrypoint /opt/hermes/docker/entrypoint.sh IMAGE ARGS` (then
# it is PID 1, normally root), or scripts that call it by path.
#
# Why: the entrypoint is now s6-overlay's /init followed by main-wrapper.sh.
# As PID 1 this shim hands over to exactly that, so the old path still gets
# the whole boot (setup, supervised gateways, the same argument routing and
# exit code). Anywhere else it cannot start the supervision tree; it routes
# ARGS the same way without it, and says so.

# shellcheck disable=SC2034 # read by the sourced helpers
prog=entrypoint
# shellcheck source=opt/hermes/docker/lib.sh disable=SC1091 # followed with -x from container/rootfs
. /opt/hermes/docker/lib.sh

if [ "$$" = 1 ]; then
  warn "/opt/hermes/docker/entrypoint.sh is deprecated: booting /init /opt/hermes/docker/main-wrapper.sh"
  exec /init /opt/hermes/docker/main-wrapper.sh "$@"
fi
warn "not PID 1: running the command without s6 supervision (use the image's own entrypoint)"
exec sh /opt/hermes/docker/main-wrapper.sh "$@"
