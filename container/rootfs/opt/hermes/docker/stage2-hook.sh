#!/command/with-contenv sh
# shellcheck shell=sh
# stage2-hook.sh - prepares the runtime user and the data volume at boot.
#
# Who runs it: s6-overlay, as /etc/cont-init.d/01-hermes-setup (a link to
# this file), on every container start, before any service or the main
# program runs. It runs as the container's user: root normally, or the
# hermes UID itself with `docker run --user 10000:10000` (then the steps
# that need root are skipped). A non-zero exit stops the container
# (S6_BEHAVIOUR_IF_STAGE2_FAILS=2).
#
# Why: the volume may come from a host, a NAS or an older image. Before
# hermes runs, the hermes user must have the UID/GID the operator asked
# for, own exactly the files hermes manages (and nothing else on the
# volume), find its standard directories and seed files, and have .env
# private. Steps, in this order:
#   1. refuse a start as any UID other than root or the hermes UID;
#   2. create HERMES_HOME;
#   3. remap hermes to HERMES_UID/HERMES_GID (else PUID/PGID);
#   4. join the group of a mounted /var/run/docker.sock;
#   5. repair ownership: HERMES_HOME itself, the hermes-owned
#      subdirectories, and an allowlist of top-level files - never
#      recursively beyond those, never through a symlink;
#   6. create the standard subdirectories, as hermes, among them home/,
#      the HOME of every hermes process (dotfiles persist on the volume);
#   7. seed .env, config.yaml and SOUL.md when missing; .env is 0600;
#   8. remove a stale "docker" install stamp from HERMES_HOME.
# The config.yaml schema migration runs in 02-reconcile-profiles, in the
# reconciliation's own JVM (one JVM less at every boot).

# shellcheck disable=SC2034 # read by the sourced helpers
prog=stage2
# shellcheck source=opt/hermes/docker/lib.sh disable=SC1091 # followed with -x from container/rootfs
. /opt/hermes/docker/lib.sh

HERMES_LAUNCHER=/opt/hermes/bin/hermes
SEED_DIR=/opt/hermes/docker/seed
# Directories below HERMES_HOME that only hermes writes (home: its HOME).
OWNED_DIRS="profiles logs home"
# Top-level files hermes owns (a host file with another name keeps its owner).
OWNED_FILES="config.yaml .env SOUL.md gateway_state.json gateway_state.json.tmp gateway.pid
gateway.lock processes.json dashboard.token crash_streak crash_streak.tmp"

home=${HERMES_HOME:-/opt/data}

# --- 1. who we are ----------------------------------------------------------

if ! is_root && [ "$(id -u)" != "$(hermes_uid)" ]; then
  unsupported_user_guidance
  exit 1
fi

# --- 2. HERMES_HOME -----------------------------------------------------------

case $home in
  /*) ;;
  *) die "HERMES_HOME must be an absolute path, got '$home'" ;;
esac
mkdir -p -- "$home" || die "cannot create HERMES_HOME $home"

# --- 3. UID/GID remap -----------------------------------------------------------

# wanted_id PRIMARY ALIAS: the validated value of $PRIMARY, else of $ALIAS,
# else nothing. Exits the boot on a bad value.
wanted_id() {
  name=$1
  eval "value=\${$1:-}"
  if [ -z "$value" ]; then
    name=$2
    eval "value=\${$2:-}"
  fi
  [ -n "$value" ] || return 0
  case $value in
    0) die "$name=0 is refused: hermes must not run as root; set $name to the ID that owns your volume (1-65534)" ;;
    *[!0-9]* | 0* | ??????*) die "$name must be a whole number between 1 and 65534, got '$value'" ;;
  esac
  [ "$value" -le 65534 ] || die "$name must be a whole number between 1 and 65534, got '$value'"
  printf '%s\n' "$value"
}

uid=$(wanted_id HERMES_UID PUID) || exit 1
gid=$(wanted_id HERMES_GID PGID) || exit 1
cur_uid=$(hermes_uid)
cur_gid=$(id -g "$HERMES_USER")
: "${uid:=$cur_uid}" "${gid:=$cur_gid}"

if [ "$uid:$gid" != "$cur_uid:$cur_gid" ]; then
  if ! is_root; then
    warn "cannot remap hermes to $uid:$gid without root (started with --user); staying $cur_uid:$cur_gid"
  else
    if [ "$gid" != "$cur_gid" ]; then
      groupmod -o -g "$gid" "$HERMES_USER" || die "groupmod -g $gid $HERMES_USER failed"
    fi
    if [ "$uid" != "$cur_uid" ]; then
      usermod -o -u "$uid" "$HERMES_USER" || die "usermod -u $uid $HERMES_USER failed"
    fi
    if [ "$(id -g "$HERMES_USER")" != "$gid" ]; then
      usermod -g "$gid" "$HERMES_USER" || die "usermod -g $gid $HERMES_USER failed"
    fi
    if [ -d "$HERMES_USER_HOME" ] && [ ! -L "$HERMES_USER_HOME" ]; then
      chown -R -h "$uid:$gid" "$HERMES_USER_HOME"
    fi
    info "remapped $HERMES_USER from $cur_uid:$cur_gid to $uid:$gid"
  fi
fi

# --- 4. docker socket group ------------------------------------------------------

sock=/var/run/docker.sock
if is_root && [ -S "$sock" ]; then
  sock_gid=$(stat -c %g "$sock")
  if [ "$sock_gid" = 0 ]; then
    warn "$sock belongs to group root; not adding $HERMES_USER to root's group"
  else
    group=$(getent group "$sock_gid" | cut -d: -f1)
    if [ -z "$group" ]; then
      group=hostdocker
      if getent group "$group" >/dev/null; then
        groupmod -o -g "$sock_gid" "$group" || die "groupmod -g $sock_gid $group failed"
      else
        groupadd -o -g "$sock_gid" "$group" || die "groupadd -g $sock_gid $group failed"
      fi
    fi
    if ! id -nG "$HERMES_USER" | tr ' ' '\n' | grep -qx -- "$group"; then
      usermod -a -G "$group" "$HERMES_USER" || die "usermod -a -G $group $HERMES_USER failed"
    fi
    info "$HERMES_USER is in group $group ($sock_gid), which owns $sock"
  fi
fi

# --- 5. targeted ownership repair ---------------------------------------------------

uid=$(hermes_uid)
gid=$(id -g "$HERMES_USER")
if is_root; then
  if [ -L "$home" ]; then
    warn "HERMES_HOME $home is a symlink; its ownership is left alone"
  else
    chown "$uid:$gid" "$home" || die "cannot chown $home to $uid:$gid"
    for sub in $OWNED_DIRS; do
      dir=$home/$sub
      if [ -L "$dir" ]; then
        warn "$dir is a symlink; not following it"
      elif [ -d "$dir" ]; then
        # Only what is not hermes's already; -h never follows a symlink.
        find "$dir" \( ! -user "$uid" -o ! -group "$gid" \) -exec chown -h "$uid:$gid" {} + ||
          warn "could not repair the ownership of everything under $dir"
      fi
    done
    for name in $OWNED_FILES; do
      file=$home/$name
      if [ -L "$file" ]; then
        info "$file is a symlink; not following it"
      elif [ -f "$file" ]; then
        chown "$uid:$gid" "$file" || warn "cannot chown $file"
      fi
    done
  fi
fi

# --- 6. standard subdirectories ------------------------------------------------------

as_hermes mkdir -p -- "$home/profiles" "$home/logs/gateways" "$(hermes_process_home)" ||
  die "cannot create the standard directories under $home as $HERMES_USER"

# --- 7. seed files, .env private ---------------------------------------------------

# seed NAME MODE: copies the image's seed of NAME into HERMES_HOME when
# nothing (not even a dangling symlink) has that name yet.
seed() {
  target=$home/$1
  if [ -e "$target" ] || [ -L "$target" ]; then
    return 0
  fi
  as_hermes install -m "$2" -- "$SEED_DIR/$1" "$target" || die "cannot seed $target"
  info "seeded $target"
}
seed .env 0600
seed config.yaml 0644
seed SOUL.md 0644

env_file=$home/.env
if [ -L "$env_file" ]; then
  warn "$env_file is a symlink; its mode is left alone"
elif [ -f "$env_file" ]; then
  chmod 0600 "$env_file" || warn "cannot make $env_file private (chmod 0600)"
fi

# --- 8. stale install stamp ----------------------------------------------------------------

stamp=$home/.install_method
if [ -f "$stamp" ] && [ ! -L "$stamp" ] && [ "$(cat -- "$stamp")" = docker ]; then
  rm -f -- "$stamp" && info "removed the stale install stamp $stamp (the image's own is in /opt/hermes)"
fi

# On stderr, as every boot message: stdout is the main program's alone.
echo "[stage2] Setup complete; starting user services" >&2
