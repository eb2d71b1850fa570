# shellcheck shell=sh
# lib.sh - helpers shared by the image's shell scripts.
#
# Who runs it: nobody directly; it is sourced (". /opt/hermes/docker/lib.sh")
# by the image's scripts, as whichever user runs them (root during boot,
# hermes for most commands). The caller sets "prog" first.
#
# Why: one log format for every script ("prog: level: message" on stderr,
# so stdout stays the program's own), one way to test a boolean variable,
# and one way to run something as the runtime user that works whether the
# container started as root or as the hermes UID itself.
#
# Verbosity: S6_VERBOSITY, the knob s6-overlay itself reads (default 2):
# 0 prints errors only, 1 adds warnings, 2 adds info lines.

: "${prog:=hermes-image}"

HERMES_USER=hermes
# The passwd entry's home: outside the volume, so a UID remap never walks it.
# shellcheck disable=SC2034 # used by stage2-hook.sh
HERMES_USER_HOME=/home/hermes
S6_BIN=${HERMES_S6_BIN_DIR:-/command}

log() {
  level=$1
  shift
  case $level in
    info) [ "${S6_VERBOSITY:-2}" -ge 2 ] 2>/dev/null || return 0 ;;
    warning) [ "${S6_VERBOSITY:-2}" -ge 1 ] 2>/dev/null || return 0 ;;
  esac
  printf '%s: %s: %s\n' "$prog" "$level" "$*" >&2
}

info() { log info "$@"; }
warn() { log warning "$@"; }
error() { log error "$@"; }
die() {
  log error "$@"
  exit 1
}

# truthy VALUE: 1, true or yes in any case.
truthy() {
  case $1 in
    1 | [Tt][Rr][Uu][Ee] | [Yy][Ee][Ss]) return 0 ;;
    *) return 1 ;;
  esac
}

is_root() { [ "$(id -u)" = 0 ]; }

# The runtime user's current UID (it changes when the boot remaps it).
hermes_uid() { id -u "$HERMES_USER"; }

# hermes_process_home: HOME of every process the image starts for hermes,
# $HERMES_HOME/home: on the volume, so dotfiles survive a re-created
# container (the passwd entry keeps /home/hermes; stage2 creates this one).
hermes_process_home() { printf '%s/home\n' "${HERMES_HOME:-/opt/data}"; }

# as_hermes PROG ARGS...: runs PROG as the runtime user with its HOME.
# Only root drops privileges; the hermes UID itself just runs PROG (a
# non-root s6-setuidgid would fail to set the supplementary groups).
as_hermes() {
  if is_root; then
    HOME=$(hermes_process_home) USER=$HERMES_USER LOGNAME=$HERMES_USER \
      "$S6_BIN/s6-setuidgid" "$HERMES_USER" "$@"
  else
    HOME=$(hermes_process_home) "$@"
  fi
}

# exec_as_hermes PROG ARGS...: as as_hermes, replacing this process.
exec_as_hermes() {
  HOME=$(hermes_process_home)
  export HOME
  if is_root; then
    USER=$HERMES_USER LOGNAME=$HERMES_USER
    export USER LOGNAME
    exec "$S6_BIN/s6-setuidgid" "$HERMES_USER" "$@"
  fi
  exec "$@"
}

# svscan_max_option: s6-svscan's services_max flag for the s6 in S6_BIN.
# s6 2.12 renamed -c to -C and rejects -c; 2.11 knows only -c. -C with a
# directory that cannot exist is a usage error (exit 100) only where -C is
# unknown; where it is known the scanner fails to chdir and touches nothing.
svscan_max_option() {
  if "$S6_BIN/s6-svscan" -C 4 /dev/null/hermes-s6-svscan-probe 2>/dev/null; then
    echo -C
  elif [ $? -eq 100 ]; then
    echo -c
  else
    echo -C
  fi
}

# unsupported_user_guidance: the one message for a start as a UID that is
# neither root nor the hermes UID (docker run --user <arbitrary UID>).
unsupported_user_guidance() {
  error "started as UID $(id -u), which is neither root nor the hermes UID ($(hermes_uid))." \
    "The boot needs root to remap hermes and fix the volume's ownership." \
    "Start the container as root (drop --user) and set HERMES_UID/HERMES_GID" \
    "(or the PUID/PGID aliases) to the UID/GID that owns your volume;" \
    "--user $(hermes_uid):$(id -g "$HERMES_USER") is the only non-root start supported."
}
