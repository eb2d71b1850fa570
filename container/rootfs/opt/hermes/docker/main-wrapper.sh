#!/command/with-contenv sh
# shellcheck shell=sh
# main-wrapper.sh - the container's main program.
#
# Who runs it: s6-overlay's /init, as the container's user (root unless
# `docker run --user`), once cont-init has finished and the static services
# are up. The image's ENTRYPOINT is ["/init", "/opt/hermes/docker/main-wrapper.sh"],
# so /init runs this script with the `docker run IMAGE ARGS...` arguments,
# the container's terminal and its working directory (`-w`). Whatever this
# script finally execs is the main program: its exit code is the
# container's exit code.
#
# Why: `docker run IMAGE ARGS` must behave as it always did. Leading-dash
# arguments (--version, --tui) reach hermes instead of /init because /init
# never sees them as its own; this script decides what runs:
#   no arguments                       hermes (status, then help)
#   ARG1 starts with "-"               hermes ARGS
#   ARG1 is a program (a path with a "/", or an executable file on PATH)
#                                      that program, directly (sleep, sh, bash)
#   anything else                      hermes ARGS (chat -q TEXT, gateway run)
# Started as root it drops to the hermes user (s6-setuidgid) so nothing the
# main program writes is root-owned; started as the hermes UID it runs as
# is. Any other UID is refused with guidance (exit 1). The working
# directory is left as Docker set it.

# shellcheck disable=SC2034 # read by the sourced helpers
prog=main-wrapper
# shellcheck source=opt/hermes/docker/lib.sh disable=SC1091 # followed with -x from container/rootfs
. /opt/hermes/docker/lib.sh

HERMES_LAUNCHER=/opt/hermes/bin/hermes

if ! is_root && [ "$(id -u)" != "$(hermes_uid)" ]; then
  unsupported_user_guidance
  exit 1
fi

# is_program NAME: NAME is a path (it holds a "/"; if nothing is there,
# running it fails with exit 127, as with any image), or an executable
# file of that name is on PATH. Shell builtins do not count: `test` or
# `exit` as ARG1 run the real programs, not this shell's builtins.
is_program() {
  case $1 in
    '') return 1 ;;
    */*) return 0 ;;
  esac
  found=1
  old_ifs=$IFS
  IFS=:
  set -f
  for dir in ${PATH:-/usr/bin:/bin}; do
    if [ -n "$dir" ] && [ -f "$dir/$1" ] && [ -x "$dir/$1" ]; then
      found=0
      break
    fi
  done
  set +f
  IFS=$old_ifs
  return "$found"
}

if [ $# -eq 0 ]; then
  exec_as_hermes "$HERMES_LAUNCHER"
fi

case $1 in
  -*) exec_as_hermes "$HERMES_LAUNCHER" "$@" ;;
esac

if is_program "$1"; then
  exec_as_hermes "$@"
fi
exec_as_hermes "$HERMES_LAUNCHER" "$@"
