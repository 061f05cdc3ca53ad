#!/usr/bin/python3
"""Hot-plug harness for the end-to-end tests (TESTING.md, "udev and input"), run as
`umockdev-wrapper /usr/bin/python3 hotplug.py MOTCUA STATE_DIR PORT CONFIG OUT.json`.

It makes a umockdev testbed, starts the real daemon inside it, then plugs and unplugs devices with real
uevents on the testbed's netlink socket, and writes what `motcua devices --json` showed at each step to
OUT.json for the Swift test to check. No assertion here: this file only drives and observes."""

import json
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import gi

gi.require_version("UMockdev", "1.0")
from gi.repository import UMockdev  # noqa: E402

MOTCUA, STATE_DIR, PORT, CONFIG, OUT = sys.argv[1:6]
CONTROL = f"{STATE_DIR}/control.sock"
DEVICES = Path(__file__).resolve().parent / "devices"


def device(name):
    """A umockdev device description from devices/ (shared with the other device tests)."""
    return (DEVICES / f"{name}.umockdev").read_text(encoding="utf-8")


SCANNER_SYSFS = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2/1-2:1.0/0003:0C2E:0B61.0003/input/input9/event9"
SCANNER = device("scanner")
ADAPTER_SYSFS = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-4/1-4:1.0/ttyUSB0/tty/ttyUSB0"
ADAPTER = device("serial-adapter")
PRINTER_SYSFS = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-5/1-5:1.0/usbmisc/lp0"
PRINTER = device("usb-printer")
KEYPAD = device("keypad")


def devices():
    run = subprocess.run([MOTCUA, "devices", "--json", "--control-socket", CONTROL], capture_output=True, text=True)
    return json.loads(run.stdout) if run.returncode == 0 else {"error": run.stderr}


def wait(condition, seconds=15):
    """Polls `devices` until `condition(list)` holds; returns (list, seconds taken, whether it held)."""
    start = time.monotonic()
    while True:
        seen = devices()
        if isinstance(seen, list) and condition(seen):
            return seen, round(time.monotonic() - start, 2), True
        if time.monotonic() - start > seconds:
            return seen, round(time.monotonic() - start, 2), False
        time.sleep(0.1)


def of_kind(seen, kind):
    return [d for d in seen if d.get("kind") == kind]


testbed = UMockdev.Testbed.new()
observed = {}
log = open(f"{STATE_DIR}/daemon.log", "ab")
daemon = subprocess.Popen([MOTCUA, "serve", "--config", CONFIG, "--state-dir", STATE_DIR, "--http", f"127.0.0.1:{PORT}"],
                          stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
try:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/readyz", timeout=1) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if daemon.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"the daemon did not start (exit {daemon.poll()})")
        time.sleep(0.05)

    # The configured keypad is not plugged in yet.
    observed["before"], _, observed["before_ok"] = wait(
        lambda seen: any(d["kind"] == "keypad" and d["state"] == "disconnected" for d in seen))

    # A scanner nobody configured is plugged in: only the udev monitor can tell.
    testbed.add_from_string(SCANNER)  # sends the "add" uevent itself
    observed["scanner_plugged"], observed["scanner_plugged_s"], _ = wait(lambda seen: of_kind(seen, "scanner"))

    # A USB-serial adapter of a board model and an Epson USB printer, neither configured.
    testbed.add_from_string(ADAPTER)
    testbed.add_from_string(PRINTER)
    observed["others_plugged"], _, _ = wait(lambda seen: of_kind(seen, "display_board") and of_kind(seen, "printer"))
    testbed.uevent(ADAPTER_SYSFS, "remove")
    testbed.remove_device(ADAPTER_SYSFS)
    testbed.uevent(PRINTER_SYSFS, "remove")
    testbed.remove_device(PRINTER_SYSFS)
    observed["others_unplugged"], _, _ = wait(lambda seen: not of_kind(seen, "display_board") and not of_kind(seen, "printer"))

    # The configured keypad is plugged in: opened and grabbed.
    testbed.add_from_string(KEYPAD)
    observed["keypad_plugged"], observed["keypad_plugged_s"], _ = wait(
        lambda seen: any(d["kind"] == "keypad" and d["state"] == "ok" for d in seen))

    # The scanner is pulled out again.
    testbed.uevent(SCANNER_SYSFS, "remove")
    testbed.remove_device(SCANNER_SYSFS)
    observed["scanner_unplugged"], observed["scanner_unplugged_s"], _ = wait(lambda seen: not of_kind(seen, "scanner"))
finally:
    daemon.terminate()
    try:
        observed["exit"] = daemon.wait(timeout=20)
    except subprocess.TimeoutExpired:
        daemon.kill()
        observed["exit"] = "killed"
    with open(OUT, "w", encoding="utf-8") as out:
        json.dump(observed, out, ensure_ascii=False, indent=1)
