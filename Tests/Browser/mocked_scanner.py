"""A USB barcode scanner without hardware (TESTING.md, "udev and input"): a umockdev description of the
device with its stable /dev/input/by-id link, and an evemu recording of it typing a code, replayed by
umockdev-run to the daemon started under it.

umockdev plays a recording from the moment the device is opened, keeping the gaps between events; the
recording starts with a pause and scans again every few seconds, so that a page opened after the daemon is
ready still sees a scan."""

from pathlib import Path

SCANNER_LINK = "/dev/input/by-id/usb-Honeywell_Imaging_Mobility_1900-event-kbd"

DESCRIPTION = (Path(__file__).resolve().parents[1] / "Harness" / "devices" / "scanner.umockdev").read_text(encoding="utf-8")

# <linux/input-event-codes.h>: KEY_1 = 2 … KEY_0 = 11, KEY_Q = 16 …, KEY_A = 30 …, KEY_Z = 44 …
KEYS = {"-": 12, ".": 52}
KEYS.update({c: 2 + i for i, c in enumerate("1234567890")})
KEYS.update({c: 16 + i for i, c in enumerate("qwertyuiop")})
KEYS.update({c: 30 + i for i, c in enumerate("asdfghjkl")})
KEYS.update({c: 44 + i for i, c in enumerate("zxcvbnm")})
SHIFT, ENTER = 42, 28


def keystrokes(text):
    """(type, code, value) of a US keyboard typing `text` and Enter: shift around capitals, SYN after each."""
    events = []

    def key(code, value):
        events.extend([(1, code, value), (0, 0, 0)])

    for c in text:
        upper = c.isupper()
        if upper:
            key(SHIFT, 1)
        key(KEYS[c.lower()], 1)
        key(KEYS[c.lower()], 0)
        if upper:
            key(SHIFT, 0)
    key(ENTER, 1)
    key(ENTER, 0)
    return events


def launcher(folder: Path, code: str, first=4.0, every=4.0, times=15):
    """umockdev-run arguments with the scanner typing `code` after `first` s and every `every` s."""
    folder.mkdir(parents=True, exist_ok=True)
    devices = folder / "scanner.umockdev"
    devices.write_text(DESCRIPTION, encoding="utf-8")
    lines = ["E: 0.000000 0000 0000 0000"]
    strokes = keystrokes(code)
    for round_ in range(times):
        at = first + round_ * every
        lines += [f"E: {at + i * 0.002:.6f} {t:04x} {c:04x} {v}" for i, (t, c, v) in enumerate(strokes)]
    events = folder / "scanner.events"
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["/usr/bin/umockdev-run", "-d", str(devices), "-e", f"/dev/input/event9={events}", "--"]
