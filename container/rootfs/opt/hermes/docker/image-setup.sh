#!/bin/sh
# image-setup.sh - what the image bakes in at build time.
#
# Who runs it: the Dockerfile's runtime stage (RUN), as root, at build time
# (one step at a time by hand: `image-setup.sh users|cache|stamp|unprivileged`).
#
# Why: one place for the build-time steps the boot relies on:
#   users  the runtime user hermes, UID/GID 10000, passwd home /home/hermes
#          (not the volume, so a later `usermod -u` never walks the volume;
#          the processes the image starts for hermes get HOME=$HERMES_HOME/home
#          instead, see lib.sh), and the volume's mount point /opt/data owned
#          by it;
#   cache  the launcher's class-data caches (JDK 25: AOT caches) for this
#          exact jar: the CLI's, the gateway's and the dashboard's, made by
#          one run of the launcher each (`--version`, `gateway run --help`,
#          `dashboard --help`: the launcher picks the cache by the command
#          words) with the image's environment (HERMES_JAVA,
#          HERMES_CACHE_DIR) into the root-owned cache directory, which
#          every user then reads and none can write. The gateways and the
#          dashboard run as hermes, so they could never make their own;
#   stamp  the install method `docker` in /opt/hermes/.install_method;
#   unprivileged  what a start as the hermes UID without capabilities needs
#          (see the function).
# With no argument it does all four.

set -eu
# shellcheck disable=SC2034 # read by the sourced helpers
prog=image-setup
log() { printf '%s: %s: %s\n' "$prog" "$1" "$2" >&2; }

users() {
  groupadd -g 10000 hermes
  useradd -l -u 10000 -g hermes -d /home/hermes -m -s /bin/sh hermes
  install -d -o hermes -g hermes -m 0755 /opt/data
}

cache() {
  : "${HERMES_CACHE_DIR:?HERMES_CACHE_DIR is not set}"
  mkdir -p "$HERMES_CACHE_DIR"
  chmod 0755 "$HERMES_CACHE_DIR"
  training_home=$(mktemp -d)
  status=0
  for kind in cli gateway dashboard; do
    case $kind in
      cli) set -- --version ;;
      gateway) set -- gateway run --help ;;
      dashboard) set -- dashboard --help ;;
    esac
    HERMES_HOME=$training_home /opt/hermes/bin/hermes "$@" >/dev/null || status=1
    prefix=hermes-
    [ "$kind" = cli ] || prefix=hermes-$kind-
    made=
    for file in "$HERMES_CACHE_DIR/$prefix"[0-9]*; do
      [ -f "$file" ] && made=1
    done
    if [ -z "$made" ]; then
      log error "the launcher made no class-data cache for the $kind in $HERMES_CACHE_DIR"
      status=1
    fi
  done
  rm -rf "$training_home"
  return "$status"
}

stamp() {
  printf 'docker\n' >/opt/hermes/.install_method
}

# unprivileged: what a start without root (Kubernetes' restricted profile)
# needs. s6-overlay-suexec loses its setuid bit: as root it is not needed, and
# under --user with no capabilities a setuid-root suexec dies at once (it
# cannot setgid to root); without the bit, preinit just runs as that user.
# The image's /run is world-writable and sticky, which preinit accepts from a
# single-uid container ("single-uid mapping") and turns back into root's 0755
# on a root boot; with a tmpfs /run the container manager decides.
unprivileged() {
  suexec=$(readlink -f /command/s6-overlay-suexec) || return 1
  chmod u-s,g-s "$suexec" && chmod 1777 /run
}

case ${1:-all} in
  users) users ;;
  cache) cache ;;
  stamp) stamp ;;
  unprivileged) unprivileged ;;
  all) users && stamp && unprivileged && cache ;;
  *)
    log error "usage: image-setup.sh [users|cache|stamp|unprivileged]"
    exit 2
    ;;
esac
