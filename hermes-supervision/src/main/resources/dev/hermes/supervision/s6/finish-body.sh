# shellcheck shell=sh
# shellcheck disable=SC2154 # profile, max_exits, backoff_base, backoff_cap, healthy, streak_file, audit_file, fleet_rate, fleet_wait_max and svstat are set by the per-slot header SlotRenderer writes above this body
# --- policy (static part; the settings above are rendered per slot) ---
#
# State kept in the service directory, which belongs to the scandir owner:
#   hermes-ready     epoch seconds (rounded up) when this run became ready: written by the
#                    gateway as it signals readiness, removed by ./run at every start
#   hermes-restarts  crashes since registration (shown by status)
#   hermes-rearm     left by 'gateway start' and 'gateway restart' while they act: the operator
#                    wants the gateway up, so this exit neither counts nor holds
#   hermes-failure   why the gateway is held down: the reason code (crash-loop, fatal-config),
#                    then the operator's line (removed by ./run and by 'gateway start')
#   hermes-backoff   while waiting to restart after a crash: the epoch second of the restart
#                    (removed by ./run)
#   hermes-record-failure.log  the output of the last 'supervise record-failure'
#   hermes-death     how the last run ended, three lines: the cause (clean-stop, exit-code,
#                    signal, oom-kill, stop-timeout), the detail (exit 1, signal SIGKILL), the
#                    epoch second; written at every exit, read by status and by the next run
#   hermes-oom       left by ./run: the file with its cgroup's oom_kill counter, and the count as
#                    the run started; a SIGKILL while the count rose was the OOM killer's
#
# in the profile's directory, so that it outlives the slot (a container's scandir is on tmpfs):
#   $streak_file     epoch seconds of the crashes of the current streak, one per line
#
# in $HERMES_HOME/logs, shared with the CLI and the dashboard:
#   $audit_file      the audit trail: a line for each crash and hold (actor "supervisor")
#
# and in the scandir, shared by every gateway's finish (s6-svscan ignores names with a dot):
#   .hermes-restart-turns  the fleet's restart budget: a file SECOND.K for each restart handed
#                          out, K from 1 to fleet_rate; a minute later the next finish removes it
#
# Transitions (exit code $1, signal $2), the first that applies; numbered as in the state
# machine of docs/backends.md:
#   (1) exit 0, 75, 143 (a JVM's SIGTERM), SIGTERM  -> clean exit: s6 restarts it if wanted up
#   (2) not wanted up (s6-svc -d, even after SIGKILL) -> operator stop: stays down
#   (3) hermes-rearm present                         -> re-armed: restart at once, streak cleared
#   (4) exit 78                                      -> fatal configuration: hold
#   (5) crash after >= healthy s of readiness        -> crash after healthy: new streak of 1
#   (6) any other crash                              -> crash before healthy: streak + 1
#   (7) ... the streak reaches max_exits             -> crash loop: hold
#       ... else restart: at once for the first crash of a streak, then after base, 2*base ...
#       up to cap seconds, scaled by 80-120%, then no sooner than its turn in the fleet's
#       restart budget (fleet_rate a second); (8) hermes-rearm appearing ends the wait
#   hold: record startup_failed, write hermes-failure, exit 125 (s6 keeps it down), unless
#   (9) hermes-rearm appeared while recording: restart instead
#
# Nothing here may block on a pipe. stdout is the slot's log pipe (s6-svscan gives it to the
# logger, whose s6-log stops reading when its disk is full), stderr the scanner's own output,
# which can stall as well. So the log pipe is kept on fd 9, stdout and stderr go to /dev/null,
# and say() writes each line through timeout: a stalled finish would be killed by s6 after
# timeout-finish, which loses the decision.
#
# HERMES_FINISH_DRY_RUN=1 prints the decision on stdout instead of acting on it; HERMES_FINISH_NOW
# replaces the clock and HERMES_FINISH_JITTER (a percentage, 80-120) the random jitter, so the
# policy can be checked as a table.

code=${1:-0}
signum=${2:-0}
now=${HERMES_FINISH_NOW:-$(date +%s)}
dry=${HERMES_FINISH_DRY_RUN:-}

exec 9>&1 2>/dev/null
[ "$dry" = 1 ] || exec >/dev/null

# One line in the gateway's log, given up after a second: a full pipe costs the line, never the
# decision.
say() {
  timeout -k 1 1 printf 'finish[%s]: %s: %s\n' "$profile" "$1" "$2" >&9 9>&-
}

# Sets n to the number on the first line of file $1, 0 when there is none. Builtins only: every
# process this script starts costs a millisecond or more on a busy machine, at every crash.
read_number() {
  n=0
  [ -f "$1" ] && read -r n <"$1"
  case $n in '' | *[!0-9]*) n=0 ;; esac
}

# Sets utc to epoch second $1 as RFC 3339 UTC, in shell arithmetic: days to the civil date as in
# Howard Hinnant's chrono algorithms. Like the rest of the audit line, builtins only.
utc_time() {
  z=$(($1 / 86400 + 719468))
  sod=$(($1 % 86400))
  era=$((z / 146097))
  doe=$((z - era * 146097))
  yoe=$(((doe - doe / 1460 + doe / 36524 - doe / 146096) / 365))
  doy=$((doe - (365 * yoe + yoe / 4 - yoe / 100)))
  mp=$(((5 * doy + 2) / 153))
  utc=$((yoe + era * 400 + (mp >= 10)))
  for part in $((mp < 10 ? mp + 3 : mp - 9)) $((doy - (153 * mp + 2) / 5 + 1)) \
    $((sod / 3600)) $((sod / 60 % 60)) $((sod % 60)); do
    [ "$part" -lt 10 ] && part=0$part
    case $utc in
      *T*) utc=$utc:$part ;;
      ????-??-??) utc=${utc}T$part ;;
      *) utc=$utc-$part ;;
    esac
  done
  utc=${utc}Z
}

# Sets uid and user to this script's user: from /proc and /etc/passwd with read, else from id.
whoami_here() {
  uid=""
  user=""
  if [ -r /proc/self/status ]; then
    while read -r key value _; do
      [ "$key" = Uid: ] && uid=$value && break
    done </proc/self/status
  fi
  [ -n "$uid" ] || uid=$(id -u 2>/dev/null) || uid=-1
  if [ -r /etc/passwd ]; then
    while IFS=: read -r name _ id _; do
      [ "$id" = "$uid" ] && user=$name && break
    done </etc/passwd
  fi
}

# One line in the audit trail ($1 the action, $2 the reason, $3 the result), in the shape every
# writer shares (docs/cli.md, "gateway history"): one printf, so one write that O_APPEND keeps
# whole beside the other writers' lines. The values are this script's own words, with nothing to
# escape. The trail is never worth the decision: a line that cannot be written is dropped.
audit() {
  [ "$dry" = 1 ] && return
  utc_time "$now"
  whoami_here
  printf '{"time":"%s","profile":"%s","action":"%s","actor":"supervisor","uid":%s,"user":"%s","reason":"%s","result":"%s"}\n' \
    "$utc" "$profile" "$1" "$uid" "$user" "$2" "$3" >>"$audit_file"
}

# Prints the decision in a dry run and exits; otherwise returns so the caller acts on it.
decided() {
  if [ "$dry" = 1 ]; then
    printf '%s\n' "$1"
    exit 0
  fi
}

# The operator's start or restart came while this script ran: the gateway goes up at once and
# this exit starts a fresh streak.
rearmed() {
  rm -f hermes-rearm "$streak_file" hermes-failure hermes-failure.tmp hermes-backoff
  say info "$1"
  exit 0
}

# $1 the hold reason code (crash-loop, fatal-config), $2 the transition, $3 the operator's line.
# record-failure writes the hold as status shows it into hermes-failure.tmp (for fatal-config it
# keeps the reason the gateway wrote before exiting 78); without it, the script's own line serves.
hold() {
  decided "$2 -> hold $3"
  say warning "holding the gateway down: $3"
  rm -f hermes-failure.tmp
  if ! record_failure "$1" "$3"; then
    say warning "could not record the failure in gateway_state.json: $(tail -n 1 hermes-record-failure.log)"
  fi
  # s6 applies exit 125 after any 'up' it received meanwhile, so a start that came while this
  # ran is honoured here; 'gateway start' also re-arms a hold that won this race.
  # (9) re-armed at hold
  [ -e hermes-rearm ] && rearmed "re-armed by a start while holding: restarting instead"
  [ -s hermes-failure.tmp ] || printf '%s\n%s\n' "$1" "$3" >hermes-failure.tmp
  audit hold "$3" held
  mv -f hermes-failure.tmp hermes-failure
  exit 125
}

# Sleeps $1 milliseconds in steps of at most a second, ending early when re-armed or stopped. sleep
# takes fractions on GNU and busybox; a strictly POSIX one sleeps the whole second instead. Each
# step starts one process (the sleep) and reads s6-svstat only every fifth second: a fleet that
# died together has hundreds of finishes waiting here for their turns.
backoff() {
  left=$1
  steps=0
  while [ "$left" -gt 0 ]; do
    # (8) re-armed during backoff
    [ -e hermes-rearm ] && rearmed "re-armed by a start during the backoff: restarting now"
    # An operator's stop during the wait (also hermes up shutting down, whose s6-supervise waits
    # for this script) ends it: the gateway stays down, as at edge 2. 'gateway stop' removes
    # hermes-backoff as it stops, which is seen at the next step; a bare s6-svc -d within 5 s.
    if { [ -n "$backoff_file" ] && [ ! -e hermes-backoff ]; } ||
      { [ $((steps % 5)) = 0 ] && [ "$("$svstat" -o wantedup . 2>/dev/null)" = false ]; }; then
      rm -f hermes-backoff
      say info "stopped during the backoff: staying down"
      exit 0
    fi
    step=1000
    [ "$left" -lt "$step" ] && step=$left
    fraction=$((step % 1000))
    case $fraction in ? ) fraction=00$fraction ;; ?? ) fraction=0$fraction ;; esac
    sleep "$((step / 1000)).$fraction" || sleep 1
    left=$((left - step))
    steps=$((steps + 1))
  done
}

# The fleet's restart budget: at most fleet_rate restarts after a crash in any one second across
# every gateway of the scandir (the slot's parent), so an outage all gateways share does not start
# them all at once on a machine with a few cores. Sets turn to the first second at or after $1
# that has room, no later than fleet_wait_max from now. A restart takes a ticket, the file
# SECOND.K in ../.hermes-restart-turns for a K up to fleet_rate, created with noclobber set: the
# shell then creates it with O_EXCL, so of two finishes only one gets it, with no lock and no
# process. When a whole fleet dies at once its finishes all run together, and every process they
# start and every lock they wait for is load on the machine the fleet is coming back to.
fleet_turn() {
  turn=$1
  [ "$fleet_rate" -le 0 ] && return
  tickets=../.hermes-restart-turns
  # Without the directory there is no budget to keep: restart as the backoff says.
  [ -d "$tickets" ] || mkdir "$tickets" 2>/dev/null || [ -d "$tickets" ] || return 0
  set -C
  while [ "$turn" -le $((now + fleet_wait_max)) ]; do
    k=1
    while [ "$k" -le "$fleet_rate" ]; do
      # true, not the special builtin ':', whose failed redirection would end the script.
      if { true >"$tickets/$turn.$k"; } 2>/dev/null; then
        set +C
        forget_tickets
        return
      fi
      k=$((k + 1))
    done
    turn=$((turn + 1))
  done
  set +C
}

# Removes the tickets of seconds a minute gone: no finish takes a turn that long past.
forget_tickets() {
  set --
  for ticket in "$tickets"/*; do
    second=${ticket##*/}
    second=${second%%.*}
    case $second in '' | *[!0-9]*) continue ;; esac
    [ "$second" -lt $((now - 60)) ] && set -- "$@" "$ticket"
  done
  [ "$#" -eq 0 ] || rm -f "$@"
}

# Whether the kernel's OOM killer ended this run: a SIGKILL while the oom_kill counter of the
# run's cgroup rose since ./run read it (another process of the cgroup may have been its victim
# too, so this is the best a supervisor can tell, and what peers such as systemd report).
oom_killed() {
  [ "$code" = 256 ] && [ "$signum" = 9 ] || return 1
  { read -r events && read -r before; } <hermes-oom || return 1
  after=""
  while read -r key value; do
    if [ "$key" = oom_kill ]; then after=$value; fi
  done <"$events" || return 1
  case $before$after in '' | *[!0-9]*) return 1 ;; esac
  [ "$after" -gt "$before" ]
}

# Records how this run ended ($1 the cause) for status, with one rename so a reader never sees
# half of it; a dry run only decides.
died() {
  cause=$1
  [ "$dry" = 1 ] && return
  printf '%s\n%s\n%s\n' "$1" "$last" "$now" >hermes-death.tmp && mv -f hermes-death.tmp hermes-death
}

if [ "$code" = 256 ]; then
  # The names s6-svstat gives, without a subshell for the usual ones.
  case $signum in
    9) last="signal SIGKILL" ;;
    6) last="signal SIGABRT" ;;
    11) last="signal SIGSEGV" ;;
    15) last="signal SIGTERM" ;;
    *) last="signal SIG$(kill -l "$signum" 2>/dev/null || echo "$signum")" ;;
  esac
else
  last="exit $code"
fi

# (1) clean exit
case $code in
  0 | 75 | 143)
    died clean-stop
    decided "clean exit -> clean"
    rm -f hermes-rearm
    exit 0
    ;;
  256)
    if [ "$signum" = 15 ]; then
      died clean-stop
      decided "clean exit -> clean"
      rm -f hermes-rearm
      exit 0
    fi
    ;;
esac

# An operator's stop (s6-svc -d) that had to escalate to SIGKILL is not a crash either. s6-supervise
# starts this script just before it writes the new status, so a status that still says "up" is
# the old one: read again.
wanted=true
tries=0
while :; do
  state=$("$svstat" -o up,wantedup .) || break
  case $state in
    'true '*) ;;
    *' false') wanted=false && break ;;
    *) break ;;
  esac
  tries=$((tries + 1))
  [ "$tries" -ge 3 ] && break
  sleep 1
done
# How a crash (and an unclean end of a stop) died; a stop that needed SIGKILL ran past hermes'
# own stop timeout (timeout-kill).
if oom_killed; then
  died oom-kill
elif [ "$wanted" = false ] && [ "$code" = 256 ] && [ "$signum" = 9 ]; then
  died stop-timeout
elif [ "$code" = 256 ]; then
  died signal
else
  died exit-code
fi

# (2) operator stop
if [ "$wanted" = false ]; then
  decided "operator stop -> clean"
  rm -f hermes-rearm
  exit 0
fi

# (3) re-armed
if [ -e hermes-rearm ]; then
  decided "re-armed -> restart 0"
  rearmed "gateway ended ($last) after a start or restart: restarting now"
fi

# (4) fatal configuration
if [ "$code" = 78 ]; then
  hold fatal-config "fatal configuration" "fatal configuration"
fi

read_number hermes-restarts
restarts=$n
[ "$dry" = 1 ] || echo $((restarts + 1)) >hermes-restarts

# A crash after healthy_seconds of readiness begins a new streak; any other adds to the streak.
read_number hermes-ready
ready=$n
first=$now
count=0
streak=""
if [ "$ready" -gt 0 ] && [ $((now - ready)) -ge "$healthy" ]; then
  # (5) crash after healthy
  edge="crash after healthy"
else
  # (6) crash before healthy
  edge="crash before healthy"
  if [ -f "$streak_file" ]; then
    while read -r t; do
      case $t in '' | *[!0-9]*) continue ;; esac
      [ "$count" = 0 ] && first=$t
      count=$((count + 1))
      streak="$streak$t
"
    done <"$streak_file"
  fi
fi
count=$((count + 1))
streak="$streak$now"
if [ "$dry" != 1 ]; then
  { printf '%s\n' "$streak" >"$streak_file.tmp" && mv -f "$streak_file.tmp" "$streak_file"; } ||
    say warning "could not keep the crash streak in $streak_file"
fi

# (7) crash loop
if [ "$count" -ge "$max_exits" ]; then
  hold crash-loop "crash loop" "crash loop ($count exits in $((now - first))s, last: $last)"
fi

# The first crash of a streak restarts at once (s6 itself still spaces starts by at least 1 s);
# the k-th waits base*2^(k-2) seconds up to the cap, scaled by 80-120% so gateways that crashed
# together do not all come back in the same second.
delay=0
[ "$count" -gt 1 ] && delay=$backoff_base
i=2
while [ "$i" -lt "$count" ] && [ "$delay" -lt "$backoff_cap" ]; do
  delay=$((delay * 2))
  i=$((i + 1))
done
[ "$delay" -gt "$backoff_cap" ] && delay=$backoff_cap
jitter=${HERMES_FINISH_JITTER:-}
if [ -z "$jitter" ]; then
  # Spread by the process id rather than read from /dev/urandom (a process less): gateways that
  # crash together get finishes with different ids, which 7919 (a prime) scatters over 80-120.
  jitter=$((80 + ($$ * 7919 + now) % 41))
fi
case $jitter in '' | *[!0-9]*) jitter=100 ;; esac
millis=$((delay * 10 * jitter))
[ "$millis" -gt $((backoff_cap * 1000)) ] && millis=$((backoff_cap * 1000))

decided "$edge -> restart $millis (streak $count)"
restart_at=$((now + (millis + 999) / 1000))
fleet_turn "$restart_at"
queued=""
if [ "$turn" -gt "$restart_at" ]; then
  [ "$turn" -gt $((now + fleet_wait_max)) ] && turn=$((now + fleet_wait_max))
  millis=$(((turn - now) * 1000))
  restart_at=$turn
  queued=", its turn in the fleet's restart budget of $fleet_rate a second"
fi
# Written before the wait: status shows the wait, and 'gateway stop' ends it by removing the file.
backoff_file=""
echo "$restart_at" >hermes-backoff && backoff_file=hermes-backoff
case $cause in
  oom-kill | stop-timeout) ended="$last ($cause)" ;;
  *) ended=$last ;;
esac
audit crash "$ended" "restart in ${millis} ms$queued"
say info "gateway ended ($last); $edge, crash $count of $max_exits in this streak: restart in ${millis} ms$queued"
backoff "$millis"
exit 0
