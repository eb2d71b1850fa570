# shellcheck shell=sh
# --- the OOM killer's count (static part of ./run) ---
# The oom_kill counter of this run's memory cgroup as it starts, kept in hermes-oom with the file
# it was read from, so that the finish script can tell a SIGKILL of the OOM killer from any other.
# cgroup v1 keeps the counter in memory.oom_control, v2 in memory.events. A container sees its
# own cgroup at the mount's root whatever /proc/self/cgroup names, hence the second candidate.
# Nothing is kept where neither is readable (no cgroup file system, macOS).
oom_file=""
cgroup=$(sed -n 's/^[0-9]*:memory://p' /proc/self/cgroup 2>/dev/null)
if [ -n "$cgroup" ]; then
  set -- "/sys/fs/cgroup/memory${cgroup%/}/memory.oom_control" /sys/fs/cgroup/memory/memory.oom_control
else
  cgroup=$(sed -n 's/^0:://p' /proc/self/cgroup 2>/dev/null)
  set -- "/sys/fs/cgroup${cgroup%/}/memory.events" /sys/fs/cgroup/memory.events
fi
for candidate in "$@"; do
  [ -r "$candidate" ] && oom_file=$candidate && break
done
oom_count=""
[ -n "$oom_file" ] && oom_count=$(sed -n 's/^oom_kill //p' "$oom_file")
case $oom_count in
  '' | *[!0-9]*) rm -f hermes-oom ;;
  *) printf '%s\n%s\n' "$oom_file" "$oom_count" >hermes-oom ;;
esac
set --
