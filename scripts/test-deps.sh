#!/bin/sh
# Installs the system packages the test tiers need, and only those that are missing (architecture.md §5):
#   postgresql          the PostgreSQL tier (a private cluster started by scripts/pg-test-cluster.sh)
#   chromium            the browser e2e tier (driven by playwright-core)
#   fonts-wqy-microhei  CJK glyphs in the e2e screenshots
#   poppler-utils       pdftoppm/pdftotext: the PDF report test renders a page and reads its Chinese text
# Idempotent: with everything present it changes nothing and runs no apt-get at all. When it cannot
# install (not root, no sudo, no apt), it stops non-zero with the exact apt-get line to run.
# Usage: sh scripts/test-deps.sh [package ...]   (default: all of them)
set -eu

# PostgreSQL counts as present only with the real Debian server binaries: a lone pg_ctl on the
# PATH (a client wrapper, or a symlink left behind) cannot start a cluster.
has_postgresql() {
  for bin in /usr/lib/postgresql/*/bin; do
    if [ -x "$bin/initdb" ] && [ -x "$bin/postgres" ] && [ -x "$bin/pg_ctl" ]; then return 0; fi
  done
  return 1
}

has_chromium() {
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]
}

has_poppler() {
  command -v pdftoppm >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1
}

has_fonts() {
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] ||
    dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'install ok installed'
}

wanted="${*:-postgresql chromium fonts-wqy-microhei poppler-utils}"
missing=""
for package in $wanted; do
  case "$package" in
    postgresql) has_postgresql || missing="$missing postgresql" ;;
    chromium) has_chromium || missing="$missing chromium" ;;
    fonts-wqy-microhei) has_fonts || missing="$missing fonts-wqy-microhei" ;;
    poppler-utils) has_poppler || missing="$missing poppler-utils" ;;
    *)
      echo "test-deps: unknown package '$package' (known: postgresql chromium fonts-wqy-microhei poppler-utils)" >&2
      exit 2
      ;;
  esac
done

if [ -z "$missing" ]; then
  echo "test-deps: all present ($wanted)"
  exit 0
fi

line="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
echo "test-deps: missing:$missing"

if ! command -v apt-get >/dev/null 2>&1; then
  echo "test-deps: apt-get is not available here. Install these packages, then run npm test again:" >&2
  echo "  $line" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo"
else
  echo "test-deps: not root and no password-less sudo. Run this as root, then npm test again:" >&2
  echo "  sudo sh -c '$line'" >&2
  exit 1
fi

echo "test-deps: $line"
# apt-get update runs once, and only because something is missing.
$as_root apt-get update
# shellcheck disable=SC2086 # $missing is a space-separated package list
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing

for package in $missing; do
  case "$package" in
    postgresql) has_postgresql || { echo "test-deps: postgresql installed but no server binaries found" >&2; exit 1; } ;;
    chromium) has_chromium || { echo "test-deps: chromium still missing after apt-get" >&2; exit 1; } ;;
    fonts-wqy-microhei) has_fonts || { echo "test-deps: fonts-wqy-microhei still missing after apt-get" >&2; exit 1; } ;;
    poppler-utils) has_poppler || { echo "test-deps: poppler-utils still missing after apt-get" >&2; exit 1; } ;;
  esac
done
echo "test-deps: installed:$missing"
