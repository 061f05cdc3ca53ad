"""The administrator's page (/admin): sign-in with the forced password change, the demo office's services,
counters and accounts, devices and incidents; a clerk refused in plain words; adding an account whose
one-time password really signs in; the devices table with LED boards on a serial line, a scanner, a keypad
and a device plugged in but not configured."""

import subprocess
import time
from pathlib import Path

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import CONFIG, DEMO_SERVICES, ROOT, screenshot, sign_in, start_daemon, visible, wait_for


def page_errors(driver):
    """SEVERE console entries, without the browser's own line for the 401 of GET /api/v1/me before
    signing in (how the page learns it must show the sign-in): that is an answer, not a fault."""
    errors = []
    for entry in driver.get_log("browser"):
        if entry["level"] != "SEVERE":
            continue
        message = entry["message"]
        if entry.get("source") == "network" and "/api/v1/me " in message and "status of 401" in message:
            continue
        errors.append(message)
    return errors


def ready(driver):
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready", 15,
             "the admin page did not load")


def note_gone(driver):
    """Waits for the "password changed" note of the sign-in to go (it stays 6 s), so screenshots show the page."""
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".form-note"), 8, "the note stays")


def settled(driver, read):
    """What `read(driver)` gives, read again when the page redrew the element meanwhile (live updates)."""
    def attempt(d):
        try:
            return (read(d),)
        except StaleElementReferenceException:
            return None
    return wait_for(driver, attempt, 5, "the page keeps redrawing")[0]


def text(driver, css):
    return settled(driver, lambda d: d.find_element(By.CSS_SELECTOR, css).text)


def rows(driver, table, attribute):
    return settled(driver, lambda d: [r.get_attribute(attribute) for r in d.find_elements(By.CSS_SELECTOR, f"#{table} tbody tr[{attribute}]")])


def test_admin_sees_the_demo_office(daemon, browser):
    sign_in(browser, daemon, "/admin", daemon.admin())
    ready(browser)
    assert not browser.find_elements(By.CSS_SELECTOR, "#admin-refused:not([hidden])")

    # Services and counters as the API has them: the six of the demo.
    services = daemon.api("GET", "/api/v1/services")
    assert len(services) == 6
    assert rows(browser, "services-table", "data-service") == [s["code"] for s in services]
    first = text(browser, f'#services-table tr[data-service="{services[0]["code"]}"]')
    assert services[0]["name"] in first and services[0]["prefix"] in first
    assert rows(browser, "counters-table", "data-counter") == [str(n) for n in range(1, 7)]
    counter1 = text(browser, '#counters-table tr[data-counter="1"]')
    assert "Quầy 1" in counter1 and "Đóng" in counter1

    # Today's figures agree with the API.
    assert text(browser, "#stat-phase") == "Đang làm việc"
    assert text(browser, "#stat-issued") == str(sum(s["issued_today"] for s in services))
    assert text(browser, "#stat-counters-open") == "0 / 6"

    # The account signed in, with its own password now.
    me = text(browser, '#users-table tr[data-user="quantri"]')
    assert "Quản trị" in me and "Đã đặt mật khẩu riêng" in me

    # No printer in the test configuration, no incident in a fresh state: said in words.
    assert "Chưa có thiết bị nào" in text(browser, "#devices-table tbody")
    assert text(browser, "#incidents-table tbody") == "Chưa có sự cố nào được ghi nhận."
    for section in ("today", "services", "counters", "users", "devices", "incidents"):
        assert not browser.find_element(By.ID, section + "-error").is_displayed(), section
    note_gone(browser)
    screenshot(browser, "admin")
    assert page_errors(browser) == []


def test_clerk_is_refused(daemon, browser):
    sign_in(browser, daemon, "/admin", daemon.clerk("lan.nguyen", 2))
    refused = visible(browser, "#admin-refused")
    assert "Trang này dành cho quản trị viên" in refused.text
    assert "lan.nguyen là tài khoản cán bộ quầy" in refused.text
    assert not browser.find_element(By.ID, "admin-layout").is_displayed()
    assert browser.find_element(By.ID, "admin-refused-counter").get_attribute("href") == daemon.url("/counter/2")
    # The server refuses the clerk the administrator's lists too.
    status = browser.execute_async_script(
        "const done = arguments[0]; MC.api('GET', '/api/v1/users').then(() => done(200), (e) => done(e.status));")
    assert status == 403
    note_gone(browser)
    screenshot(browser, "admin-refused")
    errors = [e for e in page_errors(browser) if not ("/api/v1/users" in e and "status of 403" in e)]
    assert errors == []


def test_adding_an_account_shows_a_one_time_password_that_signs_in(daemon, browser):
    sign_in(browser, daemon, "/admin", daemon.admin())
    ready(browser)
    form = browser.find_element(By.ID, "user-form")
    browser.execute_script("arguments[0].scrollIntoView()", form)

    # A name the server would refuse is caught at once.
    browser.find_element(By.ID, "user-name").send_keys("Lan Nguyễn")
    browser.find_element(By.ID, "user-submit").click()
    assert "không dùng được" in visible(browser, "#user-form-error").text
    browser.find_element(By.ID, "user-name").clear()

    browser.find_element(By.ID, "user-name").send_keys("lan.nguyen")
    Select(browser.find_element(By.ID, "user-role")).select_by_value("clerk")
    Select(browser.find_element(By.ID, "user-counter")).select_by_value("3")
    browser.find_element(By.ID, "user-submit").click()
    password_node = visible(browser, "#user-password")
    password = password_node.text
    assert len(password) >= 8
    created = text(browser, "#user-created")
    assert "Đã tạo tài khoản lan.nguyen (cán bộ Quầy 3)" in created
    assert "chỉ hiện một lần" in created and "tận tay" in created
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, '#users-table tr[data-user="lan.nguyen"]'), 10,
             "the new account is not listed")
    row = text(browser, '#users-table tr[data-user="lan.nguyen"]')
    assert "Quầy 3" in row and "Chưa đổi mật khẩu được cấp" in row
    note_gone(browser)
    screenshot(browser, "admin-new-user")

    # The password shown is the one the server gave: it signs in (and must be changed).
    answer = daemon.api("POST", "/api/v1/login", {"name": "lan.nguyen", "password": password})
    assert answer["user"] == {"name": "lan.nguyen", "role": "clerk", "counter": 3, "must_change_password": True}

    # Handed over: the password leaves the page.
    browser.find_element(By.ID, "user-password-hide").click()
    assert not browser.find_element(By.ID, "user-created").is_displayed()
    assert password not in browser.page_source

    # The same name twice is refused in words.
    browser.find_element(By.ID, "user-name").send_keys("lan.nguyen")
    browser.find_element(By.ID, "user-submit").click()
    wait_for(browser, lambda d: "Đã có tài khoản tên «lan.nguyen»" in d.find_element(By.ID, "user-form-error").text, 10)
    errors = [e for e in page_errors(browser) if not ("/api/v1/users" in e and "status of 409" in e)]
    assert errors == []


def test_english(daemon, browser):
    sign_in(browser, daemon, "/admin?lang=en", daemon.admin())
    ready(browser)
    assert text(browser, "#services-title") == "Services"
    assert text(browser, "#stat-phase") == "Open"
    civil = text(browser, '#services-table tr[data-service="HT"]')
    assert "Civil status" in civil
    assert text(browser, "#incidents-table tbody") == "No incidents recorded."
    note_gone(browser)
    screenshot(browser, "admin-en")
    assert page_errors(browser) == []


# ---- Devices ----

HARNESS_DEVICES = ROOT / "Tests" / "Harness" / "devices"
SCANNER_LINK = "/dev/input/by-id/usb-Honeywell_Imaging_Mobility_1900-event-kbd"
KEYPAD_LINK = "/dev/input/by-id/usb-Generic_USB_Keypad-event-kbd"
ADAPTER_LINK = "/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0"

# Run by `umockdev-wrapper /usr/bin/python3 PLUGGER DEVICES_DIR NAME… -- DAEMON COMMAND…`: makes a umockdev
# testbed, starts the daemon in it, and once the daemon answers plugs in the named devices of
# Tests/Harness/devices with real "add" uevents, as Tests/Harness/hotplug.py does. Plugged in while the daemon
# runs, the devices reach it as udev would tell of them, stable links (DEVLINKS) included; a testbed made
# with `umockdev-run -d` has no udev database, so devices enumerated at start come without their links.
# SIGTERM is passed on to the daemon; the daemon gets SIGTERM too if this process dies.
PLUGGER = """\
import ctypes, signal, subprocess, sys, time, urllib.request
from pathlib import Path
import gi
gi.require_version("UMockdev", "1.0")
from gi.repository import UMockdev

split = sys.argv.index("--")
folder, names, command = Path(sys.argv[1]), sys.argv[2:split], sys.argv[split + 1:]
address = command[command.index("--http") + 1]
testbed = UMockdev.Testbed.new()
libc = ctypes.CDLL(None)
daemon = subprocess.Popen(command, preexec_fn=lambda: libc.prctl(1, signal.SIGTERM))  # PR_SET_PDEATHSIG
signal.signal(signal.SIGTERM, lambda *_: daemon.terminate())
deadline = time.monotonic() + 30
while daemon.poll() is None and time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(f"http://{address}/readyz", timeout=1) as answer:
            if answer.status == 200:
                break
    except OSError:
        pass
    time.sleep(0.05)
if daemon.poll() is None:
    for name in names:
        testbed.add_from_string((folder / f"{name}.umockdev").read_text(encoding="utf-8"))
sys.exit(daemon.wait())
"""


class SerialLine:
    """An LED board's serial line without hardware (TESTING.md, "Serial boards"): socat joins two
    pseudo-terminals; the daemon is configured with `daemon_path`, a board would read `board_path`."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.daemon_path = folder / "ttyDAEMON"
        self.board_path = folder / "ttyBOARD"
        self.log = open(folder / "socat.log", "ab")
        self.process = subprocess.Popen(
            ["/usr/bin/socat", "-d", "-d", f"pty,raw,echo=0,link={self.daemon_path}", f"pty,raw,echo=0,link={self.board_path}"],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while not (self.daemon_path.exists() and self.board_path.exists()):
            assert self.process.poll() is None and time.monotonic() < deadline, "socat did not make its pseudo-terminals"
            time.sleep(0.05)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.log.close()


def admin_token(daemon, name="dieu.phoi"):
    """A bearer token of a second administrator, who works the counters through the API as a console would."""
    made = daemon.cli("user", "add", name, "--role", "admin")
    token = daemon.cli("token", "create", name)["token"]
    daemon.api("POST", "/api/v1/password", {"current": made["password"], "new": "matkhau-moi-123"}, token=token)
    return token


def listed(daemon, condition, timeout=20, what="the devices"):
    """`motcua devices --json` once `condition(list)` holds."""
    deadline = time.monotonic() + timeout
    while True:
        seen = daemon.cli("devices")
        if condition(seen):
            return seen
        assert time.monotonic() < deadline, f"{what} not listed in {timeout} s: {seen}\n{daemon.log()}"
        time.sleep(0.1)


def device_cells(driver, device):
    """The five cells of a device's row: device, kind, used for, state, notes."""
    return settled(driver, lambda d: [c.text for c in d.find_elements(By.CSS_SELECTOR, f'#devices-table tr[data-device="{device}"] td')])


def device_badge(driver, device):
    """The state badge's words and tone (ok, bad, off…)."""
    def read(d):
        node = d.find_element(By.CSS_SELECTOR, f'#devices-table tr[data-device="{device}"] .badge')
        return node.text, [c for c in node.get_attribute("class").split() if c.startswith("badge-")]
    return settled(driver, read)


def test_devices_table_shows_boards_scanner_keypad_and_a_device_not_configured(state_dir, browser):
    """What an administrator checks on the devices table: each configured device with its counter or kiosk
    and its state in words, the board's number, the board whose line is gone, and the device plugged in but
    missing from the configuration under the stable link to copy into it; in Vietnamese, then in English."""
    line = SerialLine(state_dir / "line")
    gone = state_dir / "line-gone" / "ttyDAEMON"  # a second board whose line is not there at all
    config = (CONFIG + DEMO_SERVICES
              + "boards:\n"
              + f"  - {{path: {line.daemon_path}, counter: 1, profile: generic-rs485-stx-xor, address: 1}}\n"
              + f"  - {{path: {gone}, counter: 2, profile: generic-ascii-line-3digit}}\n"
              + f"scanners:\n  - {{path: {SCANNER_LINK}, kiosk: tra-cuu-1}}\n"
              + f"keypads:\n  - {{path: {KEYPAD_LINK}, counter: 3}}\n")
    plugger = state_dir / "plug.py"
    plugger.write_text(PLUGGER, encoding="utf-8")
    launcher = ["/usr/bin/umockdev-wrapper", "/usr/bin/python3", str(plugger), str(HARNESS_DEVICES),
                "scanner", "keypad", "serial-adapter", "--"]
    board = f"{line.daemon_path}#1"
    daemon = None
    try:
        daemon = start_daemon(state_dir, config, launcher=launcher)
        # Counter 1 opens and calls: its board shows the number.
        token = admin_token(daemon)
        daemon.api("POST", "/api/v1/counters/1/open", token=token)
        daemon.api("POST", "/api/v1/tickets", {"service": "HT"})
        daemon.api("POST", "/api/v1/tickets", {"service": "HT"})
        assert daemon.api("POST", "/api/v1/counters/1/next", token=token)["number"] == "A001"
        api = listed(daemon, lambda seen: {d["id"]: d["state"] for d in seen} == {
            board: "ok", str(gone): "disconnected", SCANNER_LINK: "ok", KEYPAD_LINK: "ok", ADAPTER_LINK: "not_configured",
        } and "A001" in next(d["detail"] or "" for d in seen if d["id"] == board))
        ids = [d["id"] for d in api]

        sign_in(browser, daemon, "/admin", daemon.admin())
        ready(browser)
        # One row per device, in the API's order: no device twice (the configured scanner is not also
        # "plugged in, not configured" under its event node), none under a /dev/ttyUSB0-like name.
        assert rows(browser, "devices-table", "data-device") == ids
        assert not browser.find_element(By.ID, "devices-error").is_displayed()
        headings = settled(browser, lambda d: [th.text for th in d.find_elements(By.CSS_SELECTOR, "#devices-table thead th")])
        assert headings == ["Thiết bị", "Loại", "Dùng cho", "Trạng thái", "Ghi chú"]

        # The board on the live line: working, for counter 1, showing the number just called.
        name, kind, role, state, detail = device_cells(browser, board)
        assert board in name and "RS-485" in name
        assert (kind, role, state) == ("Bảng hiển thị", "Quầy 1", "Hoạt động tốt")
        assert device_badge(browser, board) == ("Hoạt động tốt", ["badge-ok"])
        assert "đang hiện" in detail and "A001" in detail

        # The board whose line is not there: disconnected, for counter 2, with the port it cannot open.
        name, kind, role, state, detail = device_cells(browser, str(gone))
        assert str(gone) in name
        assert (kind, role, state) == ("Bảng hiển thị", "Quầy 2", "Mất kết nối")
        assert device_badge(browser, str(gone)) == ("Mất kết nối", ["badge-bad"])
        assert str(gone) in detail

        # The scanner serves its lookup kiosk; the keypad its counter.
        name, kind, role, state, _ = device_cells(browser, SCANNER_LINK)
        assert SCANNER_LINK in name
        assert (kind, role, state) == ("Máy quét mã", "Kiosk tra-cuu-1", "Hoạt động tốt")
        name, kind, role, state, _ = device_cells(browser, KEYPAD_LINK)
        assert KEYPAD_LINK in name
        assert (kind, role, state) == ("Bàn phím gọi số", "Quầy 3", "Hoạt động tốt")

        # Plugged in, not in the configuration: its stable link, ready to copy, and the state in words.
        name, kind, role, state, detail = device_cells(browser, ADAPTER_LINK)
        assert ADAPTER_LINK in name and "/dev/ttyUSB0" not in name
        assert (kind, role, state) == ("Bảng hiển thị", "—", "Đang cắm, chưa cấu hình")
        assert device_badge(browser, ADAPTER_LINK) == ("Đang cắm, chưa cấu hình", ["badge-off"])
        assert "generic-rs485-stx-xor" in detail and "chưa có trong cấu hình" in detail

        # No key of the API shows through as words: kinds, roles and states are all the page's Vietnamese
        # (the models' names, e.g. "Generic USB numeric keypad", are product names and stay as they are).
        table = text(browser, "#devices-table")
        for key in ("not_configured", "not_monitored", "display_board"):
            assert key not in table, f"{key!r} shows on the Vietnamese page"
        words = [cell for device in ids for cell in device_cells(browser, device)[1:4]]
        for key in ("ok", "fault", "disconnected", "printer", "scanner", "keypad", "counter", "kiosk ", "ticket", "document"):
            assert not [w for w in words if key in w], f"{key!r} shows on the Vietnamese page: {words}"

        # The next call: the board's number follows on the page without a reload, as the counters' table does.
        assert daemon.api("POST", "/api/v1/counters/1/next", token=token)["number"] == "A002"
        wait_for(browser, lambda d: "A002" in device_cells(d, board)[4], 10, "the board's number on the page stays A001")

        devices = browser.find_element(By.ID, "devices")
        note_gone(browser)
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", devices)
        screenshot(browser, "admin-devices")
        assert page_errors(browser) == []

        # The same table in English, through the page's language link.
        browser.find_element(By.CSS_SELECTOR, ".lang-switch").click()
        wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", 10, "no English page")
        ready(browser)
        assert text(browser, "#devices-title") == "Devices"
        headings = settled(browser, lambda d: [th.text for th in d.find_elements(By.CSS_SELECTOR, "#devices-table thead th")])
        assert headings == ["Device", "Kind", "Used for", "State", "Notes"]
        assert device_cells(browser, board)[1:4] == ["Display board", "Counter 1", "Working"]
        assert device_cells(browser, str(gone))[1:4] == ["Display board", "Counter 2", "Disconnected"]
        assert device_cells(browser, SCANNER_LINK)[1:4] == ["Code scanner", "Kiosk tra-cuu-1", "Working"]
        assert device_cells(browser, KEYPAD_LINK)[1:4] == ["Calling keypad", "Counter 3", "Working"]
        assert device_cells(browser, ADAPTER_LINK)[1:4] == ["Display board", "—", "Plugged in, not configured"]
        table = text(browser, "#devices-table")
        for key in ("not_configured", "display_board"):
            assert key not in table, f"{key!r} shows on the English page"
        browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", browser.find_element(By.ID, "devices"))
        screenshot(browser, "admin-devices-en")
        assert page_errors(browser) == []
    finally:
        if daemon:
            daemon.stop()
        line.stop()


def test_printers_roles_are_in_words(state_dir, browser):
    """A ticket printer says which kiosks it serves and a document printer what it prints, in the page's
    language, not as the API's `ticket (kiosk …)` or `document`."""
    config = (CONFIG + DEMO_SERVICES + "printers:\n"
              + "  - {queue: kiosk-1, role: ticket, profile: epson-tm-t20, kiosks: [kiosk-1, kiosk-2]}\n"
              + "  - {queue: van-thu, role: document, profile: generic-escpos-80mm}\n")
    daemon = start_daemon(state_dir, config)
    try:
        # Whatever CUPS says here (none runs in the tests), the first reading is in before the page opens.
        api = listed(daemon, lambda seen: len(seen) == 2 and all(d["state"] != "not_monitored" for d in seen),
                     what="the printers, read once")
        assert {d["id"]: d["role"] for d in api} == {"kiosk-1": "ticket (kiosk kiosk-1, kiosk-2)", "van-thu": "document"}
        states = {"ok": "Hoạt động tốt", "fault": "Lỗi"}

        sign_in(browser, daemon, "/admin", daemon.admin())
        ready(browser)
        assert rows(browser, "devices-table", "data-device") == [d["id"] for d in api]
        for device in api:
            assert device_cells(browser, device["id"])[3] == states[device["state"]]
        assert device_cells(browser, "kiosk-1")[1:3] == ["Máy in", "In vé tại kiosk kiosk-1, kiosk-2"]
        assert device_cells(browser, "van-thu")[1:3] == ["Máy in", "In giấy tờ (biên nhận, phiếu hẹn)"]

        browser.find_element(By.CSS_SELECTOR, ".lang-switch").click()
        wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", 10, "no English page")
        ready(browser)
        assert device_cells(browser, "kiosk-1")[1:3] == ["Printer", "Ticket printing at kiosk kiosk-1, kiosk-2"]
        assert device_cells(browser, "van-thu")[1:3] == ["Printer", "Document printing (receipts, appointment slips)"]
        assert page_errors(browser) == []
    finally:
        daemon.stop()


def test_hall_announcements_section_shows_what_was_spoken_and_checks_the_speaker(state_dir, browser):
    """The announcer's queue in words: each call spoken (through a player script standing in for the
    machine's missing sound card), the speaker's state, and the speaker check an administrator starts."""
    played = state_dir / "played.log"
    player = state_dir / "player.sh"
    player.write_text(f'#!/bin/sh\necho "$1" >> {played}\n', encoding="utf-8")
    player.chmod(0o755)
    daemon = start_daemon(state_dir, CONFIG + DEMO_SERVICES + f"announcements: {{player: {player}}}\n")
    try:
        sign_in(browser, daemon, "/admin", daemon.admin())
        ready(browser)
        note_gone(browser)
        daemon.cli("counter", "open", "1")
        daemon.cli("ticket", "take", "HT")
        daemon.cli("counter", "next", "1")
        wait_for(browser, lambda d: "Đã đọc 2 lần" in text(d, "#voice-table tbody"), 15, "the call was not shown as spoken")
        first = text(browser, "#voice-table tbody tr:first-child")
        assert "A001" in first and "Quầy 1" in first and "Gọi số" in first, first
        assert "Loa: hoạt động tốt" in text(browser, "#voice-state")
        assert "Ngôn ngữ: vi" in text(browser, "#voice-note")

        # The speaker check: a number and a counter, spoken after what waits.
        for field, value in (("voice-ticket", "B012"), ("voice-counter", "15")):
            box = browser.find_element(By.ID, field)
            box.clear()
            box.send_keys(value)
        browser.find_element(By.ID, "voice-submit").click()
        wait_for(browser, lambda d: d.find_element(By.ID, "voice-form-done").text == "Đã xếp lượt đọc: B012 đến quầy 15.", 5,
                 "the speaker check was not queued")
        wait_for(browser, lambda d: "Thử loa" in text(d, "#voice-table tbody tr:first-child")
                 and "Đã đọc" in text(d, "#voice-table tbody tr:first-child"), 15, "the speaker check was not shown spoken")
        assert "null" not in text(browser, "#voice-state")
        # A number the voice cannot read is refused, saying which symbol.
        box = browser.find_element(By.ID, "voice-ticket")
        box.clear()
        box.send_keys("B-12")
        browser.find_element(By.ID, "voice-submit").click()
        wait_for(browser, lambda d: "B-12" in d.find_element(By.ID, "voice-form-error").text, 5, "the bad number was not refused")
        assert len(played.read_text(encoding="utf-8").split()) >= 3
        browser.execute_script("document.getElementById('voice').scrollIntoView()")
        screenshot(browser, "admin-voice")
        # The browser logs the refused speaker check's 400 itself: that answer was the point.
        assert [e for e in page_errors(browser) if "/api/v1/announcements - " not in e or "status of 400" not in e] == []
    finally:
        daemon.stop()
