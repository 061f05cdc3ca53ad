#!/usr/bin/env bash
# Run the browser tests (Tests/Browser, pytest + Selenium driving Debian's Chromium) against the
# debug build, and print one line "browser: N passed, N failed" (what scripts/test.sh adds up).
#
# Selenium and pytest are installed from PyPI, at the versions in Tests/Browser/requirements.txt,
# into .build/browser-venv (made once; `make clean` removes it). Screenshots go to
# artifacts/screenshots/, the JUnit report to artifacts/browser-results.xml.
#
# Environment: BROWSER_ARGS  extra pytest arguments, e.g. BROWSER_ARGS='-k kiosk'
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
VENV=.build/browser-venv
REQUIREMENTS=Tests/Browser/requirements.txt
mkdir -p artifacts/screenshots
rm -f artifacts/screenshots/*.png artifacts/screenshots/*.txt artifacts/browser-results.xml

fail() { echo "browser-tests: $*" >&2; echo "browser: 0 passed, 1 failed"; exit 1; }

for tool in /usr/bin/chromium /usr/bin/chromedriver; do
    [ -x "$tool" ] || fail "$tool is missing: run scripts/ensure-packages.sh test"
done
# A venv whose requirements changed is made again.
stamp="$VENV/.requirements"
if ! cmp -s "$REQUIREMENTS" "$stamp" 2>/dev/null; then
    rm -rf "$VENV"
    python3 -m venv "$VENV" || fail "python3 -m venv failed (Debian needs python3-venv)"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQUIREMENTS" \
        || fail "pip install -r $REQUIREMENTS failed"
    cp "$REQUIREMENTS" "$stamp"
fi

# shellcheck disable=SC2086 # BROWSER_ARGS is split on purpose
(cd Tests/Browser && timeout -k 30 "${BROWSER_TIMEOUT:-1200}" "../../$VENV/bin/python" -m pytest -p no:cacheprovider \
    --junitxml=../../artifacts/browser-results.xml ${BROWSER_ARGS:-} </dev/null)
rc=$?

# Count from the JUnit report: a test is failed when it has a <failure> or an <error>.
counts=$(python3 - <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse("artifacts/browser-results.xml").getroot()
except Exception:
    print("0 0"); sys.exit()
passed = failed = 0
for case in root.iter("testcase"):
    if case.find("failure") is not None or case.find("error") is not None:
        failed += 1
    elif case.find("skipped") is None:
        passed += 1
print(passed, failed)
PY
)
read -r passed failed <<<"$counts"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "browser-tests: pytest exited $rc with no failed test: counted as one failure" >&2
    failed=1
fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then
    echo "browser-tests: no browser test ran: counted as one failure" >&2
    failed=1
fi
echo "browser: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
