# lib.sh - timing, statistics and JDK-finding helpers shared by the bench scripts.
#
# Sourced (not run) by the scripts in bench/, as whoever runs them; it
# defines functions only. Times are wall clock from GNU date's %N, in
# microseconds; statistics are over a file of samples, one per line.
#
# The sourcing script sets $prog (for messages) and $work (a scratch
# directory it owns). Results come back in variables the caller reads.
# shellcheck shell=sh disable=SC2034,SC2154

die() {
  printf '%s: error: %s\n' "$prog" "$1" >&2
  exit 1
}

note() {
  printf '%s: %s\n' "$prog" "$1" >&2
}

require_gnu_date() {
  case $(date +%N) in
    *[!0-9]* | '') die "this date has no nanoseconds (%N); GNU date is needed" ;;
  esac
}

now_us() {
  t=$(date +%s%N)
  echo $((t / 1000))
}

# Times one run of "$@" (output discarded, stdin empty): microseconds in
# $elapsed. A failing command stops the script with its first error lines.
time_once() {
  t0=$(now_us)
  if ! "$@" >/dev/null 2>"$work/err" </dev/null; then
    printf '%s: error: command failed: %s\n' "$prog" "$*" >&2
    head -n 5 "$work/err" >&2
    exit 1
  fi
  t1=$(now_us)
  elapsed=$((t1 - t0))
}

ms() { # microseconds -> milliseconds with one decimal
  printf '%d.%d' $(($1 / 1000)) $((($1 % 1000) / 100))
}

# Line $1 of file $2.
nth() {
  sed -n "${1}p" "$2"
}

# Median and p90 (nearest rank) of the samples in file $1, into $median
# and $p90 (microseconds); the count into $count.
stats() {
  sort -n "$1" >"$1.sorted"
  count=$(wc -l <"$1.sorted")
  count=$((count + 0))
  [ "$count" -gt 0 ] || die "no samples in $1"
  half=$((count / 2))
  if [ $((count % 2)) -eq 1 ]; then
    median=$(nth $((half + 1)) "$1.sorted")
  else
    a=$(nth "$half" "$1.sorted")
    b=$(nth $((half + 1)) "$1.sorted")
    median=$(((a + b) / 2))
  fi
  p90=$(nth $(((count * 9 + 9) / 10)) "$1.sorted")
}

# PSS and RSS of process $1 in kB (from /proc/PID/smaps_rollup), into
# $pss_kb and $rss_kb.
memory_of() {
  pss_kb=$(awk '$1 == "Pss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null)
  rss_kb=$(awk '$1 == "Rss:" { print $2 }' "/proc/$1/smaps_rollup" 2>/dev/null)
  if [ -z "$pss_kb" ] || [ -z "$rss_kb" ]; then
    die "cannot read /proc/$1/smaps_rollup"
  fi
}

mb() { # kB -> MB with one decimal
  printf '%d.%d' $(($1 / 1024)) $((($1 % 1024) * 10 / 1024))
}

# "$1/release" -> rel_major, rel_ver (e.g. 25, 25.0.3)
read_release() {
  rel_major='' rel_ver=''
  [ -r "$1/release" ] || return 1
  while IFS= read -r line || [ -n "$line" ]; do
    case $line in
      JAVA_VERSION=*) rel_ver=${line#JAVA_VERSION=} ;;
    esac
  done <"$1/release"
  rel_ver=${rel_ver#\"}
  rel_ver=${rel_ver%\"}
  case $rel_ver in
    1.*) rel_major=${rel_ver#1.} ;;
    *) rel_major=$rel_ver ;;
  esac
  rel_major=${rel_major%%[!0-9]*}
  [ -n "$rel_major" ]
}

# First JDK home with major version $1 (or the override $2, which must be one), in
# $found; empty when there is none. Looks in $JAVA_HOME, /usr/lib/jvm/* and /opt/java/openjdk.
find_jdk() {
  found=''
  if [ -n "$2" ]; then
    if ! read_release "$2" || [ "$rel_major" != "$1" ] || [ ! -x "$2/bin/java" ]; then
      die "$2 is not a JDK $1 home"
    fi
    found=$2
    return 0
  fi
  for d in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/* /opt/java/openjdk; do
    if [ -x "$d/bin/java" ] && read_release "$d" && [ "$rel_major" = "$1" ]; then
      found=$d
      return 0
    fi
  done
  return 0
}
