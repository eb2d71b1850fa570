#!/bin/sh
# fetch-s6-overlay.sh - gets s6-overlay's tarballs, checks them, unpacks them.
#
# Who runs it: the Dockerfile's `s6` build stage, as root, at build time, in
# its working directory /tmp/s6, with the build arguments S6_OVERLAY_SOURCE,
# S6_OVERLAY_VERSION, S6_OVERLAY_*_SHA256 and TARGETARCH (set by BuildKit;
# the legacy builder leaves it empty, which means amd64) in its environment;
# it writes the tree to /s6root for the runtime stage to copy.
#
# Why: the image must not run code it has not verified. The noarch, the
# per-architecture (amd64 -> x86_64, arm64 -> aarch64) and the symlinks
# tarballs are checked with `sha256sum -c` before anything is unpacked:
#   S6_OVERLAY_SOURCE=download (default)  downloaded from the release
#       S6_OVERLAY_VERSION, checked against the sums pinned in
#       container/versions;
#   S6_OVERLAY_SOURCE=context  already in the working directory (copied from
#       the build context, as container/build-s6-overlay writes them) with
#       their SHA256SUMS, which must list all three; checked against it.
#       Their sums are not the release's (the build differs), so the pinned
#       ones do not apply.

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
files="s6-overlay-noarch.tar.xz s6-overlay-$arch.tar.xz s6-overlay-symlinks-noarch.tar.xz"

case ${S6_OVERLAY_SOURCE:-download} in
  download)
    base=https://github.com/just-containers/s6-overlay/releases/download/v$S6_OVERLAY_VERSION
    for file in $files; do
      curl -fsSLo "$file" "$base/$file" || die "cannot download $base/$file"
    done
    {
      printf '%s  %s\n' "$S6_OVERLAY_NOARCH_SHA256" s6-overlay-noarch.tar.xz
      printf '%s  %s\n' "$arch_sum" "s6-overlay-$arch.tar.xz"
      printf '%s  %s\n' "$S6_OVERLAY_SYMLINKS_NOARCH_SHA256" s6-overlay-symlinks-noarch.tar.xz
    } >SHA256SUMS
    sha256sum -c SHA256SUMS || die "a download does not match its pinned SHA256 sum"
    ;;
  context)
    [ -f SHA256SUMS ] || die "no SHA256SUMS in the build context's s6-overlay directory (S6_OVERLAY_CONTEXT_DIR)"
    for file in $files; do
      [ -f "$file" ] || die "no $file in the build context's s6-overlay directory (S6_OVERLAY_CONTEXT_DIR)"
      # Every file unpacked below must be one SHA256SUMS vouches for.
      awk -v f="$file" '{ n = $2; sub(/^\*/, "", n) } n == f { found = 1 } END { exit !found }' SHA256SUMS ||
        die "SHA256SUMS does not list $file"
    done
    sha256sum --strict -c SHA256SUMS || die "a tarball does not match SHA256SUMS"
    ;;
  *) die "unknown S6_OVERLAY_SOURCE '${S6_OVERLAY_SOURCE}' (download or context)" ;;
esac
mkdir -p /s6root
for file in $files; do
  tar -C /s6root -Jxpf "$file"
done
# The tree must be the release the build pins (noarch carries its version).
[ -d "/s6root/package/admin/s6-overlay-$S6_OVERLAY_VERSION" ] ||
  die "the s6-overlay tarballs are not version $S6_OVERLAY_VERSION (no /package/admin/s6-overlay-$S6_OVERLAY_VERSION)"
