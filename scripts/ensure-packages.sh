#!/usr/bin/env bash
# Install, only when missing, the Debian packages that motcua needs.
#
#   scripts/ensure-packages.sh run     what `make run` needs (build + run the daemon)
#   scripts/ensure-packages.sh test    the run list plus what the tests and `make bench` need
#
# Several list names may be given at once. To add a package, append it to the right
# list below (one name per line, a comment after `#` is allowed). Installing uses
# apt-get as root (no sudo); `apt-get update` runs at most once, and only if
# something is missing.
set -euo pipefail

# --- package lists -------------------------------------------------------------------
# Needed to build and run the daemon.
PACKAGES_RUN='
make
git                 # SwiftPM fetches dependencies with git
libsqlite3-dev      # GRDB links the system SQLite (sqlite3.pc)
tzdata              # the office calendar works in Asia/Ho_Chi_Minh
ca-certificates
libudev-dev         # devices: libudev headers and libudev.pc (Sources/CUdev)
libcups2-dev        # printing: libcups headers and library (no cups.pc: linked from Sources/CCups)
libfreetype-dev     # printing: Vietnamese text rendered to raster for printers without a working code page
pkgconf             # SwiftPM finds freetype2.pc with pkg-config
fonts-dejavu-core   # the font tickets and slips are rendered in (also in the browser screenshots)
espeak-ng           # voice: the hall announcements are spoken by the espeak-ng voices (vi, en)
sox                 # voice: the chime, joining chime and speech, resampling the recorded clips of a site
alsa-utils          # voice: aplay plays the announcements on the sound output of the machine
'
# Needed on top of PACKAGES_RUN by the tests and the benchmark.
PACKAGES_TEST='
wrk                 # make bench
curl                # readiness polls in scripts
python3             # NOTIFY_SOCKET readers and helpers in tests
systemd             # systemd-analyze verify / security (no running systemd needed)
socat               # fake serial boards and printer sockets
chromium            # the browser tests drive the Debian Chromium …
chromium-driver     # … through chromedriver (Selenium)
python3-venv        # Selenium for the browser tests lives in a venv (.build/browser-venv)
zbar-tools          # zbarimg decodes the QR codes the tests render
sqlite3             # the workflow link tests read the core database with the sqlite3 CLI
cups                # the printing tests start a private cupsd (Tests/CupsTests)
cups-client         # lpadmin and lpstat add and inspect the test queues
cups-bsd            # lpr and lpq for looking at the test queues by hand
cups-ipp-utils      # ippeveprinter, a real IPP printer for the paper-out tests
imagemagick         # the raster tests read the PNGs they write back with convert
pngcheck            # … and check them with pngcheck
poppler-utils       # pdfinfo and pdftoppm read back the PDF slips
avahi-daemon        # ippeveprinter needs DNS-SD: the paper-out tests start avahi-daemon …
dbus                # … on a system bus they start themselves
umockdev            # the device tests: mocked scanners and keypads replaying evemu recordings
gir1.2-umockdev-1.0 # … and a Python harness (python3-gi) adding and removing devices under the daemon
python3-gi
'


# --- helpers ---------------------------------------------------------------------------
say() { printf 'ensure-packages: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# Strip comments and blank lines from a list.
names() { sed -e 's/#.*//' <<<"$1" | tr -s ' \t\n' '\n' | sed '/^$/d'; }

usage() { die "usage: $0 run|test [run|test …]"; }

# --- which lists -------------------------------------------------------------------------
[ "$#" -ge 1 ] || usage
wanted=()
for list in "$@"; do
    case "$list" in
        run)  mapfile -t -O "${#wanted[@]}" wanted < <(names "$PACKAGES_RUN") ;;
        test) mapfile -t -O "${#wanted[@]}" wanted < <(names "$PACKAGES_RUN"; names "$PACKAGES_TEST") ;;
        *) usage ;;
    esac
done

# --- what is missing -------------------------------------------------------------------
installed() {
    # dpkg -s exits 0 also for packages that were removed but not purged ("deinstall ok
    # config-files"), so look at the status itself.
    dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'
}

command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script expects Debian (12)."

missing=()
declare -A seen=()
for p in "${wanted[@]}"; do
    [ -n "${seen[$p]:-}" ] && continue
    seen[$p]=1
    installed "$p" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        die "missing Debian packages: ${missing[*]}
  Installing them needs root. Run as root:
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
    fi
    say "installing missing packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null || die "apt-get update failed"
    apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null \
        || die "apt-get install failed for: ${missing[*]}"
    still=()
    for p in "${missing[@]}"; do installed "$p" || still+=("$p"); done
    [ "${#still[@]}" -eq 0 ] || die "still not installed after apt-get: ${still[*]}"
    say "installed: ${missing[*]}"
else
    say "all ${#seen[@]} packages present ($*)"
fi

# --- Swift toolchain ----------------------------------------------------------------------
# Not a Debian package: the machines ship Swift 6.3.1 at /opt/swift.
if ! command -v swift >/dev/null 2>&1; then
    if [ -x /opt/swift/usr/bin/swift ]; then
        say "swift is not on PATH but /opt/swift/usr/bin/swift exists: add it with"
        say "  export PATH=/opt/swift/usr/bin:\$PATH"
        say "(make and .ci/run add it themselves)"
    else
        die "no Swift toolchain: swift is not on PATH and /opt/swift/usr/bin/swift does not exist.
  motcua needs Swift 6.1 or later (the machines ship 6.3.1 at /opt/swift)."
    fi
fi
