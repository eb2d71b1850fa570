# shellcheck shell=sh
# shellcheck disable=SC2154 # profile, max_exits, window, backoff_base, backoff_cap, healthy and svstat are set by the per-slot header SlotRenderer writes above this body
# --- policy (static part; the settings above are rendered per slot) ---
#
# State kept in the service directory, which belongs to the scandir owner:
#   hermes-started   epoch seconds of the last start (written by ./run)
#   hermes-exits     epoch seconds of recent crashes, one per line (pruned to the window)
#   hermes-streak    crashes since the last healthy run (drives the backoff)
#   hermes-restarts  crashes since registration (shown by status)
#   hermes-failure   why the gateway is held down (removed by ./run and by 'gateway start')
#
# Transitions (exit code $1, signal $2):
#   exit 0, 75, SIGTERM, or not wanted up -> clean   (s6 restarts it only if wanted up)
#   exit 78                               -> hold    "fatal configuration" (exit 125)
#   other, N+1 >= max_exits in window     -> hold    "crash loop (...)"    (exit 125)
#   other                                 -> restart (at once for the first crash of a
#                                            streak, then after base, 2*base ... cap)
# HERMES_FINISH_DRY_RUN=1 prints the decision instead of acting on it, and HERMES_FINISH_NOW
# replaces the clock, so the policy can be checked as a table.

code=${1:-0}
signum=${2:-0}
now=${HERMES_FINISH_NOW:-$(date +%s)}

log() { printf 'finish[%s]: %s: %s\n' "$profile" "$1" "$2" >&2; }

read_number() {
  n=$(cat "$1" 2>/dev/null) || n=0
  case $n in '' | *[!0-9]*) n=0 ;; esac
  printf '%s' "$n"
}

decide_hold() {
  if [ "${HERMES_FINISH_DRY_RUN:-}" = 1 ]; then
    printf 'hold %s\n' "$1"
    exit 0
  fi
  printf '%s\n' "$1" >hermes-failure.tmp && mv -f hermes-failure.tmp hermes-failure
  log warning "holding the gateway down: $1"
  record_failure "$1" || log warning "could not record the failure in gateway_state.json"
  exit 125
}

if [ "$code" = 256 ]; then
  last="signal $signum"
else
  last="exit $code"
fi

clean=
case $code in
  0 | 75) clean=1 ;;
  256) [ "$signum" = 15 ] && clean=1 ;;
esac
if [ -z "$clean" ] && [ -z "${HERMES_FINISH_DRY_RUN:-}" ]; then
  # An operator's stop (s6-svc -d) that had to escalate to SIGKILL is not a crash either.
  wanted=$("$svstat" -o wantedup . 2>/dev/null) || wanted=true
  [ "$wanted" = false ] && clean=1
fi
if [ -n "$clean" ]; then
  [ "${HERMES_FINISH_DRY_RUN:-}" = 1 ] && echo clean
  exit 0
fi

if [ "$code" = 78 ]; then
  decide_hold "fatal configuration"
fi

restarts=$(read_number hermes-restarts)
[ "${HERMES_FINISH_DRY_RUN:-}" = 1 ] || echo $((restarts + 1)) >hermes-restarts

# Crashes inside the window, this one included.
since=$((now - window))
recent=$( (cat hermes-exits 2>/dev/null; echo "$now") | while read -r t; do
  case $t in '' | *[!0-9]*) continue ;; esac
  [ "$t" -gt "$since" ] && echo "$t"
done)
count=$(printf '%s\n' "$recent" | grep -c .)
first=$(printf '%s\n' "$recent" | head -n 1)
[ "${HERMES_FINISH_DRY_RUN:-}" = 1 ] || printf '%s\n' "$recent" >hermes-exits

if [ "$count" -ge "$max_exits" ]; then
  decide_hold "crash loop ($count exits in $((now - first))s, last: $last)"
fi

started=$(read_number hermes-started)
streak=$(read_number hermes-streak)
if [ "$started" -gt 0 ] && [ $((now - started)) -ge "$healthy" ]; then
  streak=0
fi
streak=$((streak + 1))
# A single crash restarts at once (s6 itself still spaces starts by at least 1 s);
# a streak backs off: base, 2*base, 4*base ... up to the cap.
delay=0
[ "$streak" -gt 1 ] && delay=$backoff_base
i=2
while [ "$i" -lt "$streak" ] && [ "$delay" -lt "$backoff_cap" ]; do
  delay=$((delay * 2))
  i=$((i + 1))
done
[ "$delay" -gt "$backoff_cap" ] && delay=$backoff_cap

if [ "${HERMES_FINISH_DRY_RUN:-}" = 1 ]; then
  printf 'restart %s\n' "$delay"
  exit 0
fi
echo "$streak" >hermes-streak
log info "gateway ended ($last); restart $count of $max_exits in ${window}s, in ${delay}s"
if [ "$delay" -gt 0 ]; then
  sleep "$delay"
fi
exit 0
