#!/usr/bin/env bash
# Check the unit files in systemd/ with `systemd-analyze verify` (no running systemd needed).
#
# systemd-analyze verify fails when ExecStart's binary does not exist, and the units name
# the installed path /usr/local/bin/motcua; so each unit is verified as a copy in a
# temporary folder whose /usr/local/bin/motcua is replaced by /bin/true (unless motcua is
# installed there).
# An unknown key or other mistake is only a warning on stderr with exit status 0, so
# ANY output on stderr fails the check.
#
# Also prints `systemd-analyze security --offline=true` exposure for each service
# (information only; set SYSTEMD_MAX_EXPOSURE=5.0 to fail above that score).
set -euo pipefail

cd "$(dirname "$0")/.."

command -v systemd-analyze >/dev/null 2>&1 \
    || { echo "check-systemd: systemd-analyze not found (install the Debian package systemd)" >&2; exit 1; }

shopt -s nullglob
units=(systemd/*.service systemd/*.socket systemd/*.timer systemd/*.path)
if [ "${#units[@]}" -eq 0 ]; then
    echo "check-systemd: no unit files in systemd/" >&2
    exit 1
fi

# Only the path's existence matters to verify; a built binary under .build adds nothing
# (and its path might hold spaces), so use /bin/true unless motcua is installed.
exe=/bin/true
[ -x /usr/local/bin/motcua ] && exe=/usr/local/bin/motcua

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

copies=()
for unit in "${units[@]}"; do
    copy="$tmp/$(basename "$unit")"
    sed -e "s#/usr/local/bin/motcua\\([[:space:]]\\|\$\\)#$exe\\1#g" "$unit" >"$copy"
    copies+=("$copy")
done

echo "check-systemd: verifying ${units[*]} (ExecStart binary: $exe)"
status=0
# --man=no: Documentation=man:… pages need not be installed on a build machine.
# --generators=no: nothing from the host's generators is relevant here.
if ! systemd-analyze verify --man=no --generators=no "${copies[@]}" >"$tmp/out" 2>"$tmp/err"; then
    echo "check-systemd: systemd-analyze verify exited non-zero" >&2
    status=1
fi
cat "$tmp/out"
if [ -s "$tmp/err" ]; then
    # Show the messages with the real file names, not the temporary copies'.
    sed -e "s#$tmp/#systemd/#g" "$tmp/err" >&2
    echo "check-systemd: systemd-analyze verify printed the warnings above" >&2
    status=1
fi

for copy in "$tmp"/*.service; do
    name=$(basename "$copy")
    if ! exposure=$(systemd-analyze security --offline=true --no-pager "$copy" 2>&1 | tail -n 1); then
        echo "check-systemd: systemd-analyze security failed for $name:" >&2
        echo "$exposure" >&2
        status=1
        continue
    fi
    echo "check-systemd: $name: $exposure"
    if [ -n "${SYSTEMD_MAX_EXPOSURE:-}" ]; then
        score=$(grep -oE '[0-9]+\.[0-9]+' <<<"$exposure" | head -n 1)
        if [ -n "$score" ] && awk -v s="$score" -v m="$SYSTEMD_MAX_EXPOSURE" 'BEGIN { exit !(s > m) }'; then
            echo "check-systemd: $name exposure $score is above SYSTEMD_MAX_EXPOSURE=$SYSTEMD_MAX_EXPOSURE" >&2
            status=1
        fi
    fi
done

if [ "$status" -eq 0 ]; then
    echo "check-systemd: OK"
fi
exit "$status"
