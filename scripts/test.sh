#!/usr/bin/env bash
# Run the test suite of an already built package and close with one line
#
#     N passed, N failed
#
# (what CI reads). Run it through `make test`, which installs the packages and builds
# the tests first (`swift build --build-tests`); this script only runs them.
#
# What is counted:
#   * every Swift Testing test once, from its closing line:
#       ✔ Test foo() passed after 0.001 seconds.
#       ✔ Test foo(x:) with 3 test cases passed after 0.002 seconds.
#       ━ Test foo() passed after 0.003 seconds with 1 known issue.     (withKnownIssue: a pass)
#       ✔ Test foo() passed after 0.004 seconds with 1 warning.          (a pass)
#       ✘ Test foo() failed after 0.002 seconds with 2 issues.           (one failure, however many issues)
#     The "✘ Test foo() recorded an issue …" lines before a failure are not counted; nor are
#     "Suite …" lines, "Test case passing …" lines or the "Test run with N tests …" summary.
#     Skipped tests ("➜ Test foo() skipped…") are reported but are neither passed nor failed.
#   * a test that started but never closed (the test process crashed or timed out) is a failure;
#   * scripts/check-systemd.sh is one more test;
#   * the browser tests (scripts/browser-tests.sh: pytest + Selenium + Chromium) count one each;
#   * if swift test exited non-zero with no failure in its output, or ran no test at all, that
#     counts as one failure, so the closing line never says "0 failed" for a failed run.
# Exit status: 0 only if nothing failed, swift test exited 0 and at least one Swift test ran.
#
# Environment:
#   TEST_TIMEOUT   seconds for the whole `swift test` run (default 3600; CI allows 90 min in all)
#   TEST_ARGS      extra arguments for `swift test`, e.g. TEST_ARGS='--filter QueueCoreTests'
set -uo pipefail

cd "$(dirname "$0")/.." || exit 1
case ":$PATH:" in *:/opt/swift/usr/bin:*) ;; *) PATH="$PATH:/opt/swift/usr/bin" ;; esac

mkdir -p artifacts
LOG=artifacts/test.log
SUMMARY=artifacts/test-summary.txt
: >"$LOG"
rm -f "$SUMMARY"

note() { printf 'test.sh: %s\n' "$*" | tee -a "$LOG"; }

extra_failed=0

# --- 1. the systemd unit (one test) ------------------------------------------------------
systemd_passed=0
systemd_failed=0
if bash scripts/check-systemd.sh 2>&1 | tee -a "$LOG"; then
    systemd_passed=1
    note "check-systemd: passed"
else
    systemd_failed=1
    note "check-systemd: FAILED"
fi

# --- 2. swift test (Swift Testing only) --------------------------------------------------
if grep -rlqE '^[[:space:]]*(@testable[[:space:]]+)?import[[:space:]]+XCTest' Tests 2>/dev/null; then
    note "WARNING: some files in Tests/ import XCTest; --disable-xctest does not run XCTest cases:"
    grep -rlE '^[[:space:]]*(@testable[[:space:]]+)?import[[:space:]]+XCTest' Tests | sed 's/^/    /' | tee -a "$LOG"
fi

swift_out=$(mktemp)
sid_file=$(mktemp)
trap 'rm -f "$swift_out" "$sid_file"' EXIT
# - stdbuf -oL: the test process writes to a pipe (SwiftPM relays it), so its stdio is
#   block-buffered and a crash or a timeout would lose the last lines ("… started." ones
#   too); line buffering (LD_PRELOAD, inherited by the test process) keeps them.
# - setsid: SwiftPM starts the test process in a process group of its own, so timeout's
#   signal does not reach it; a session of our own lets us end whatever is left after.
# shellcheck disable=SC2086,SC2016 # TEST_ARGS is split on purpose; $$ is for the inner bash
setsid -w bash -c 'echo "$$" >"$0"; exec "$@"' "$sid_file" \
    timeout -k 30 "${TEST_TIMEOUT:-3600}" \
    stdbuf -oL -eL \
    swift test --skip-build --disable-xctest --xunit-output artifacts/test-results.xml ${TEST_ARGS:-} \
    </dev/null 2>&1 | tee -a "$LOG" "$swift_out"
swift_rc=${PIPESTATUS[0]}
case "$swift_rc" in
    124|137) note "swift test timed out after ${TEST_TIMEOUT:-3600} s" ;;
esac
# End what the test run left behind (test processes, daemons the tests started).
sid=$(cat "$sid_file" 2>/dev/null || true)
if [[ "$sid" =~ ^[0-9]+$ ]] && [ "$sid" -gt 1 ] && [ "$sid" != "$(ps -o sid= -p $$ | tr -d ' ')" ]; then
    if leftover=$(pgrep -s "$sid"); then
        note "ending processes left by swift test: $(tr '\n' ' ' <<<"$leftover")"
        pkill -KILL -s "$sid" || true
    fi
fi

# --- 3. the browser tests (pytest, Selenium, Chromium) -------------------------------------
browser_passed=0
browser_failed=0
browser_out=$(mktemp)
bash scripts/browser-tests.sh 2>&1 | tee -a "$LOG" "$browser_out"
browser_line=$(tail -n 1 "$browser_out")
rm -f "$browser_out"
if [[ "$browser_line" =~ ^browser:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    browser_passed=${BASH_REMATCH[1]}
    browser_failed=${BASH_REMATCH[2]}
else
    note "browser tests ended without their counts line: counted as one failure"
    browser_failed=1
fi
note "browser tests: $browser_passed passed, $browser_failed failed"

# --- 4. count -------------------------------------------------------------------------------
# Colours are off when stdout is a pipe, but strip ANSI escapes (and CRs) anyway.
# Prints: passed failed skipped started total(-1 if no summary line)
read -r st_passed st_failed st_skipped st_started st_total < <(
    sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e 's/\r$//' "$swift_out" | awk '
        BEGIN { passed = 0; failed = 0; skipped = 0; started = 0; total = -1 }
        # The run summary: "✔ Test run with 12 tests in 3 suites passed after 0.1 seconds."
        /^[^ ]+ Test run with [0-9]+ tests? in [0-9]+ suites? (passed|failed) after / {
            total = $5 + 0; next
        }
        /^[^ ]+ Test run started\.$/ { next }
        # One line per argument of a parameterised test (verbose output): not a test.
        /^[^ ]+ Test case passing / { next }
        /^[^ ]+ Test .* started\.$/ { started++; next }
        /^[^ ]+ Test .* skipped(\.|: .*)$/ { skipped++; next }
        # Closing line of one test. The status is the last "passed/failed after N seconds"
        # before the optional " with 2 issues" tail; [^"] keeps a quoted display name that
        # itself contains "passed after 1 seconds" from fooling the match.
        /^[^ ]+ Test / && match($0, / (passed|failed) after [0-9.]+ seconds?( with [^"]*)?\.$/) {
            if (substr($0, RSTART + 1, 6) == "passed") passed++; else failed++
            next
        }
        END { print passed, failed, skipped, started, total }
    '
)

unfinished=$(( st_started - st_passed - st_failed ))
if [ "$unfinished" -gt 0 ]; then
    note "$unfinished test(s) started but never finished (crash or timeout): counted as failed"
    st_failed=$(( st_failed + unfinished ))
fi
if [ "$st_total" -ge 0 ] && [ $(( st_passed + st_failed + st_skipped )) -ne "$st_total" ]; then
    note "WARNING: Swift Testing reported $st_total tests, counted $st_passed passed + $st_failed failed + $st_skipped skipped"
    if [ $(( st_passed + st_failed + st_skipped )) -lt "$st_total" ]; then
        st_failed=$(( st_total - st_passed - st_skipped ))
    fi
fi
[ "$st_skipped" -gt 0 ] && note "$st_skipped Swift test(s) skipped"

status=0
if [ "$swift_rc" -ne 0 ]; then
    status=1
    if [ "$st_failed" -eq 0 ]; then
        note "swift test exited $swift_rc with no failed test in its output: counted as one failure"
        extra_failed=$(( extra_failed + 1 ))
    fi
fi
if [ $(( st_passed + st_failed )) -eq 0 ]; then
    status=1
    note "no Swift test ran: counted as one failure"
    [ "$swift_rc" -eq 0 ] && extra_failed=$(( extra_failed + 1 ))
fi

passed=$(( st_passed + systemd_passed + browser_passed ))
failed=$(( st_failed + systemd_failed + browser_failed + extra_failed ))
[ "$failed" -gt 0 ] && status=1

line="$passed passed, $failed failed"
printf '%s\n' "$line" >"$SUMMARY"
printf '%s\n' "$line" | tee -a "$LOG"
exit "$status"
