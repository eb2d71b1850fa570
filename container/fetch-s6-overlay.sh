#!/bin/sh
# fetch-s6-overlay.sh - downloads s6-overlay and checks it against pinned sums.
#
# Who runs it: the Dockerfile's `s6` build stage, as root, at build time,
# with the build arguments S6_OVERLAY_VERSION, S6_OVERLAY_*_SHA256 and
# TARGETARCH (set by buildx) in its environment; it writes the tree to
# /s6root for the runtime stage to copy.
#
# Why: the image must not run code it has not verified. The noarch, the
# per-architecture (amd64 -> x86_64, arm64 -> aarch64) and the symlinks
# tarballs are checked with `sha256sum -c` against the sums pinned in
# container/versions before anything is unpacked.

set -eu
prog=fetch-s6-overlay
die() {
  printf '%s: error: %s\n' "$prog" "$1" >&2
  exit 1
}

: "${S6_OVERLAY_VERSION:?}" "${S6_OVERLAY_NOARCH_SHA256:?}" "${S6_OVERLAY_SYMLINKS_NOARCH_SHA256:?}"
case ${TARGETARCH:-amd64} in
  amd64) arch=x86_64 arch_sum=${S6_OVERLAY_X86_64_SHA256:?} ;;
  arm64) arch=aarch64 arch_sum=${S6_OVERLAY_AARCH64_SHA256:?} ;;
  *) die "unsupported TARGETARCH ${TARGETARCH}" ;;
esac

base=https://github.com/just-containers/s6-overlay/releases/download/v$S6_OVERLAY_VERSION
files="s6-overlay-noarch.tar.xz s6-overlay-$arch.tar.xz s6-overlay-symlinks-noarch.tar.xz"
for file in $files; do
  curl -fsSLo "$file" "$base/$file" || die "cannot download $base/$file"
done
{
  printf '%s  %s\n' "$S6_OVERLAY_NOARCH_SHA256" s6-overlay-noarch.tar.xz
  printf '%s  %s\n' "$arch_sum" "s6-overlay-$arch.tar.xz"
  printf '%s  %s\n' "$S6_OVERLAY_SYMLINKS_NOARCH_SHA256" s6-overlay-symlinks-noarch.tar.xz
} >SHA256SUMS
sha256sum -c SHA256SUMS || die "a download does not match its pinned SHA256 sum"
mkdir -p /s6root
for file in $files; do
  tar -C /s6root -Jxpf "$file"
done
