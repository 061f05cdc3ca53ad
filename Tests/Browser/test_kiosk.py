"""The citizen's ticket kiosk, /kiosk: one tap on a service gives a number; a priority is one more tap;
a service that takes no number says why on its button and cannot be tapped.

Each test runs its own daemon with the demo's six services (HT, CT, DD, XD, KD, LDTBXH) written out in
the configuration without issuing windows, so the tests do not depend on the hour they run at (the
`daemon` fixture keeps the demo's windows, 07:30–11:30 and 13:30–17:00, whenever a configuration file is
given). Counters 1–6 come from the demo.
"""

import subprocess
import time
from datetime import datetime, timedelta, timezone

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from conftest import (CONFIG, DEMO_SERVICE_LIST, console_errors, screenshot, services_yaml, start_daemon, visible,
                      wait_for)

VIETNAM = timezone(timedelta(hours=7))


DEMO_SERVICES = DEMO_SERVICE_LIST


def start_office(state_dir, services=DEMO_SERVICES):
    return start_daemon(state_dir, CONFIG + services_yaml(services))


@pytest.fixture
def office(daemon):
    """The demo office, open around the clock (the shared `daemon` fixture)."""
    return daemon


def service_status(daemon, code):
    return next(s for s in daemon.api("GET", "/api/v1/services") if s["code"] == code)


def waiting_tickets(daemon, code):
    queue = daemon.api("GET", "/api/v1/queue")
    return next(s for s in queue["services"] if s["code"] == code)["tickets"]


def service_button(driver, code):
    return driver.find_element(By.CSS_SELECTOR, f'button.service[data-code="{code}"]')


def wait_ready(driver, code="HT", status="open"):
    """Waits until the kiosk shows the services (and `code` with `status`)."""
    wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, f'button.service[data-code="{code}"][data-status="{status}"]'),
             10, f"{code} not shown as {status}")
    return service_button(driver, code)


def ticket_shown(driver, timeout=10):
    visible(driver, "#ticket", timeout)
    return driver.find_element(By.ID, "ticket-number").text


def start_shown(driver, timeout=10):
    wait_for(driver, lambda d: d.find_element(By.ID, "start").is_displayed()
             and not d.find_element(By.ID, "ticket").is_displayed()
             and not d.find_element(By.ID, "kiosk-error").is_displayed(), timeout, "the start screen did not come back")


def page_lang(driver):
    """The page's language, read in one step (the page may be changing under the test)."""
    return driver.execute_script("return document.readyState === 'complete' && document.documentElement.lang")


# 1 ---------------------------------------------------------------------------------------------------

def test_tap_on_a_service_gives_a_ticket(office, browser):
    office.cli("counter", "open", "1")  # one counter serving HT is open: the wait can be estimated
    browser.get(office.url("/kiosk"))
    button = wait_ready(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, "button.service")) == 6
    assert button.text == "Hộ tịch\nKhông có ai chờ"
    texts = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "button.service")]
    assert not any(word in text for text in texts for word in ("null", "undefined", "NaN", "kiosk.", "common.")), texts
    assert browser.find_element(By.ID, "kiosk-prompt").text == "Chạm vào lĩnh vực cần làm để lấy số thứ tự"
    assert browser.find_element(By.CSS_SELECTOR, ".topbar-title").text == "Lấy số thứ tự"

    # Two citizens took numbers elsewhere: the count on the button follows without a reload.
    first = office.api("POST", "/api/v1/tickets", {"service": "HT"})
    office.api("POST", "/api/v1/tickets", {"service": "HT"})
    wait_for(browser, lambda d: "2 người đang chờ" in service_button(d, "HT").text, 5, "waiting count not updated live")
    assert "Thời gian chờ: khoảng 10 phút" in service_button(browser, "HT").text  # 2 × 5 min, one counter
    screenshot(browser, "kiosk-start")

    service_button(browser, "HT").click()
    number = ticket_shown(browser)
    assert first["number"] == "A001" and number == "A003"
    waiting = [t for t in waiting_tickets(office, "HT") if t["number"] == number]
    assert waiting and waiting[0]["state"] == "waiting" and waiting[0].get("priority") is None
    assert browser.find_element(By.ID, "ticket-service").text == "Hộ tịch"
    assert browser.find_element(By.ID, "ticket-ahead").text == "Trước bạn còn 2 người"
    assert browser.find_element(By.ID, "ticket-wait").text == "Thời gian chờ dự kiến: khoảng 10 phút"
    issued = browser.find_element(By.ID, "ticket-issued").text
    today = datetime.now(VIETNAM).strftime("%d/%m/%Y")
    assert issued.startswith("Lấy số lúc ") and today in issued, issued
    assert browser.find_element(By.ID, "ticket-unprinted").text == \
        "Vé của bạn hiển thị trên màn hình — hãy chụp ảnh hoặc ghi nhớ số"
    assert browser.find_element(By.ID, "ticket-done").text == "Xong"
    # No language switch over a ticket: its reload would take the number off the screen.
    assert not browser.find_element(By.CSS_SELECTOR, ".lang-switch").is_displayed()
    qr = browser.find_element(By.ID, "ticket-qr")
    ticket_id = browser.find_element(By.ID, "ticket").get_attribute("data-ticket-id")
    assert qr.get_attribute("src").endswith(f"/api/v1/tickets/{ticket_id}/qr.svg")
    assert office.api("GET", f"/api/v1/tickets/{ticket_id}")["number"] == number
    done = browser.find_element(By.ID, "ticket-done").rect
    assert done["y"] + done["height"] <= browser.execute_script("return window.innerHeight")  # no scrolling to "Xong"
    screenshot(browser, "kiosk-ticket")
    assert console_errors(browser) == []


# 2 ---------------------------------------------------------------------------------------------------

def test_priority_is_one_extra_tap_and_resets(office, browser):
    browser.get(office.url("/kiosk"))
    wait_ready(browser, "CT")
    chips = browser.find_elements(By.CSS_SELECTOR, "button.priority")
    assert [c.get_attribute("data-code") for c in chips] == ["elderly", "disabled", "pregnant", "meritorious", "child"]
    assert "Người cao tuổi" in chips[0].text
    assert all(c.size["height"] >= 64 for c in chips)

    def pressed():
        return [c.get_attribute("data-code") for c in browser.find_elements(By.CSS_SELECTOR, 'button.priority[aria-pressed="true"]')]

    # One choice at a time, a second tap takes it back.
    browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="disabled"]').click()
    assert pressed() == ["disabled"]
    browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="elderly"]').click()
    assert pressed() == ["elderly"]
    browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="elderly"]').click()
    assert pressed() == []

    browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="elderly"]').click()
    assert pressed() == ["elderly"]
    assert "Người cao tuổi" in browser.find_element(By.ID, "kiosk-prompt").text
    screenshot(browser, "kiosk-priority-chosen")
    service_button(browser, "CT").click()
    number = ticket_shown(browser)
    ticket = next(t for t in waiting_tickets(office, "CT") if t["number"] == number)
    assert ticket["priority"] == "elderly"
    assert browser.find_element(By.ID, "ticket-priority").text == "Ưu tiên: Người cao tuổi"

    time.sleep(1.3)  # "Xong" ignores the first moment (the second tap of a double tap lands there)
    browser.find_element(By.ID, "ticket-done").click()
    start_shown(browser, 1)  # at once, not after the 15 s of the ticket screen
    assert pressed() == []
    assert browser.find_element(By.ID, "kiosk-prompt").text == "Chạm vào lĩnh vực cần làm để lấy số thứ tự"

    # The next citizen's tap is a regular ticket.
    wait_ready(browser, "CT")
    service_button(browser, "CT").click()
    number = ticket_shown(browser)
    assert next(t for t in waiting_tickets(office, "CT") if t["number"] == number).get("priority") is None
    assert not browser.find_element(By.ID, "ticket-priority").is_displayed()
    assert console_errors(browser) == []


# 3 ---------------------------------------------------------------------------------------------------

def test_closed_services_say_why_and_cannot_be_tapped(state_dir, browser):
    now = datetime.now(VIETNAM)
    hour = (now.hour + 2) % 24  # a window well away from now
    window = f"{hour:02d}:00-{hour:02d}:30"
    services = [dict(s) for s in DEMO_SERVICES]
    services[0]["daily_quota"] = 1           # HT: one number a day
    services[1]["windows"] = [window]        # CT: outside its window
    services[2]["enabled"] = False           # DD: suspended
    d = start_office(state_dir, services)
    try:
        browser.get(d.url("/kiosk"))
        wait_ready(browser, "HT", "open")
        d.api("POST", "/api/v1/tickets", {"service": "HT"})  # the day's only HT number goes elsewhere
        ht = wait_ready(browser, "HT", "quota_reached")
        ct = wait_ready(browser, "CT", "outside_hours")
        dd = wait_ready(browser, "DD", "service_closed")
        assert "Đã hết số hôm nay" in ht.text
        assert "Ngoài giờ lấy số" in ct.text and f"Giờ lấy số: {hour:02d}:00–{hour:02d}:30" in ct.text
        assert "Tạm ngừng" in dd.text
        for button in (ht, ct, dd):
            assert not button.is_enabled()
            assert button.value_of_css_property("cursor") == "not-allowed"
        assert service_button(browser, "XD").is_enabled()
        screenshot(browser, "kiosk-closed-services")

        before = {s["code"]: s["issued_today"] for s in d.api("GET", "/api/v1/services")}
        for button in (ht, ct, dd):
            ActionChains(browser).move_to_element(button).click().perform()
        time.sleep(1)
        after = {s["code"]: s["issued_today"] for s in d.api("GET", "/api/v1/services")}
        assert after == before == {**before, "HT": 1, "CT": 0, "DD": 0}
        assert browser.find_element(By.ID, "start").is_displayed()
        assert not browser.find_element(By.ID, "ticket").is_displayed()
        assert not browser.find_element(By.ID, "kiosk-error").is_displayed()
        assert console_errors(browser) == []
    finally:
        d.stop()


# 4 ---------------------------------------------------------------------------------------------------

def test_ticket_screen_returns_to_start_by_itself(office, browser):
    browser.get(office.url("/kiosk?return=2"))
    wait_ready(browser, "KD").click()
    ticket_shown(browser)
    assert "Tự quay lại sau 2 giây" in browser.find_element(By.ID, "ticket-countdown").text
    start_shown(browser, 6)
    assert service_button(browser, "KD").is_enabled()
    # And it counts the number just taken.
    wait_for(browser, lambda d: "1 người đang chờ" in service_button(d, "KD").text, 5, "count not refreshed")


def test_half_made_choice_is_forgotten_when_idle(office, browser):
    browser.get(office.url("/kiosk?idle=2"))
    wait_ready(browser)
    browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="pregnant"]').click()
    assert browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="pregnant"]').get_attribute("aria-pressed") == "true"
    wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, 'button.priority[data-code="pregnant"]').get_attribute("aria-pressed") == "false",
             6, "the priority choice stayed for the next citizen")
    assert browser.find_element(By.ID, "kiosk-prompt").text == "Chạm vào lĩnh vực cần làm để lấy số thứ tự"


# 5 ---------------------------------------------------------------------------------------------------

def test_english_switch(office, browser):
    browser.get(office.url("/kiosk?return=2&kiosk=kiosk-2"))
    wait_ready(browser)
    visible(browser, ".lang-switch").click()
    wait_for(browser, lambda d: page_lang(d) == "en", 10, "no English page")
    button = wait_ready(browser)
    assert "kiosk=kiosk-2" in browser.current_url and "return=2" in browser.current_url
    assert browser.find_element(By.CSS_SELECTOR, ".topbar-title").text == "Take a queue number"
    assert browser.find_element(By.ID, "kiosk-prompt").text == "Tap the service you need to take a queue number"
    assert "Civil status" in button.text and "Nobody waiting" in button.text and "Hộ tịch" not in button.text
    assert "Labour, invalids and social affairs" in service_button(browser, "LDTBXH").text
    chip = browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="child"]')
    assert chip.text == "Parent with a small child"
    assert browser.find_element(By.CSS_SELECTOR, ".lang-switch").text == "Tiếng Việt"
    screenshot(browser, "kiosk-en")

    button.click()
    number = ticket_shown(browser)
    assert browser.find_element(By.ID, "ticket-service").text == "Civil status"
    assert browser.find_element(By.ID, "ticket-ahead").text == "Nobody is ahead of you"
    assert browser.find_element(By.ID, "ticket-unprinted").text.startswith("Your ticket is shown on the screen")
    assert number in [t["number"] for t in waiting_tickets(office, "HT")]
    screenshot(browser, "kiosk-ticket-en")
    errors = console_errors(browser)
    # The next citizen finds the kiosk in Vietnamese again.
    wait_for(browser, lambda d: page_lang(d) == "vi", 10,
             "the kiosk stayed in English for the next citizen")
    wait_ready(browser)
    assert "Hộ tịch" in service_button(browser, "HT").text
    assert errors == []


# 6 ---------------------------------------------------------------------------------------------------

def test_no_console_errors(office, browser):
    browser.get(office.url("/kiosk?return=1"))
    wait_ready(browser, "XD")
    browser.find_element(By.CSS_SELECTOR, 'button.priority[data-code="meritorious"]').click()
    service_button(browser, "XD").click()
    ticket_shown(browser)
    errors = console_errors(browser)
    start_shown(browser, 5)
    browser.get(office.url("/kiosk?lang=en"))
    wait_ready(browser, "XD")
    assert errors + console_errors(browser) == []


def test_ticket_shows_its_qr_code(office, browser):
    browser.get(office.url("/kiosk"))
    wait_ready(browser).click()
    number = ticket_shown(browser)
    qr = visible(browser, "#ticket-qr")
    wait_for(browser, lambda d: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", qr), 5,
             "QR code not loaded")
    assert qr.size["width"] >= 200 and qr.size["height"] >= 200  # photographable from the kiosk
    ticket_id = browser.find_element(By.ID, "ticket").get_attribute("data-ticket-id")
    assert qr.get_attribute("src").endswith(f"/api/v1/tickets/{ticket_id}/qr.svg")
    assert office.api("GET", f"/api/v1/tickets/{ticket_id}")["number"] == number
    assert browser.find_element(By.CSS_SELECTOR, ".ticket-qr-note").text == \
        "Có thể chụp ảnh mã QR này bằng điện thoại để giữ số"
    # What a phone would read from the screen: the code as Chromium drew it, decoded by zbarimg.
    shot = screenshot(browser, "kiosk-ticket-qr")
    qr.screenshot(str(shot))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", "-Sbinary", str(shot)], capture_output=True, timeout=30)
    assert decoded.returncode == 0, f"zbarimg could not read the QR code on screen: {decoded.stderr!r}"
    lines = decoded.stdout.decode("utf-8").splitlines()
    assert lines[0] == "UBND Phường Thắng Tam"
    assert lines[1] == f"Số thứ tự: {number}"
    assert lines[2] == "Lĩnh vực: Hộ tịch"
    assert lines[3].startswith("Lấy số lúc ") and datetime.now(VIETNAM).strftime("%d/%m/%Y") in lines[3]
    assert lines[4] == f"Mã vé: {ticket_id}"
    assert console_errors(browser) == []


def test_qr_code_that_cannot_load_is_hidden(office, browser):
    """A ticket whose QR image fails (an older daemon, a broken proxy) keeps its number on screen
    without a broken image."""
    browser.get(office.url("/kiosk"))
    wait_ready(browser)
    # The page asks for the image of a ticket id the daemon does not know: a 404.
    browser.execute_script("""
        const img = document.getElementById("ticket-qr");
        const real = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
        Object.defineProperty(img, "src", {set(v) { real.set.call(this, v.replace(/tickets\\/[^/]+\\//, "tickets/khong-co/")); },
                                           get() { return real.get.call(this); }});
    """)
    service_button(browser, "HT").click()
    ticket_shown(browser)
    wait_for(browser, lambda d: not d.find_element(By.ID, "ticket-qr-box").is_displayed(), 5, "a broken QR image is shown")
    assert browser.find_element(By.ID, "ticket-number").is_displayed()
    assert browser.find_element(By.ID, "ticket-unprinted").is_displayed()


# 7 ---------------------------------------------------------------------------------------------------

def test_double_tap_issues_one_ticket(office, browser):
    browser.get(office.url("/kiosk"))
    button = wait_ready(browser, "LDTBXH")
    ActionChains(browser).double_click(button).perform()
    number = ticket_shown(browser)
    time.sleep(1.5)
    assert service_status(office, "LDTBXH")["issued_today"] == 1
    assert [t["number"] for t in waiting_tickets(office, "LDTBXH")] == [number] == ["F001"]
    # The second tap did not take the ticket off the screen either.
    assert browser.find_element(By.ID, "ticket").is_displayed()
    assert console_errors(browser) == []


# Errors at the tap ---------------------------------------------------------------------------------

def test_quota_reached_between_look_and_tap_is_explained(state_dir, browser):
    services = [dict(s) for s in DEMO_SERVICES]
    services[0]["daily_quota"] = 1
    d = start_office(state_dir, services)
    try:
        browser.get(d.url("/kiosk?return=2"))
        wait_ready(browser, "HT", "open")
        # Someone else takes the last number just before this citizen's tap lands.
        browser.execute_async_script("""
            const done = arguments[arguments.length - 1];
            fetch("/api/v1/tickets", {method: "POST", headers: {"Content-Type": "application/json"},
                                      body: JSON.stringify({service: "HT"})})
              .then(() => { document.querySelector('button.service[data-code="HT"]').click(); done(); });
        """)
        visible(browser, "#kiosk-error")
        assert browser.find_element(By.ID, "kiosk-error-message").text == "Đã hết số hôm nay."
        assert browser.find_element(By.CSS_SELECTOR, "#kiosk-error .error-title").text == "Chưa lấy được số"
        screenshot(browser, "kiosk-error")
        start_shown(browser, 6)
        wait_ready(browser, "HT", "quota_reached")
        assert service_status(d, "HT")["issued_today"] == 1
    finally:
        d.stop()


def test_storage_failure_at_the_tap_is_explained(office, browser):
    """The daemon answers 503 storage_unavailable when its disk fails; that cannot be caused from here,
    so the page's fetch answers it for the ticket request only (everything else is the real daemon)."""
    browser.get(office.url("/kiosk?return=2"))
    wait_ready(browser, "CT")
    browser.execute_script("""
        const real = window.fetch;
        window.fetch = (url, init) => (String(url).endsWith("/api/v1/tickets") && init && init.method === "POST")
          ? Promise.resolve(new Response(JSON.stringify({error: {code: "storage_unavailable", message: "disk I/O error"}}),
                                         {status: 503, headers: {"Content-Type": "application/json"}}))
          : real(url, init);
    """)
    service_button(browser, "CT").click()
    visible(browser, "#kiosk-error")
    assert browser.find_element(By.ID, "kiosk-error-message").text == \
        "Hệ thống tạm thời chưa cấp được số. Xin hỏi cán bộ tại quầy."
    assert "disk" not in browser.find_element(By.ID, "kiosk-error").text
    start_shown(browser, 6)
    assert service_button(browser, "CT").is_enabled()
    assert service_status(office, "CT")["issued_today"] == 0


def test_server_down_disables_buttons_and_comes_back(state_dir, browser):
    d = start_office(state_dir)
    try:
        browser.get(d.url("/kiosk"))
        wait_ready(browser)
        d.stop()
        banner = visible(browser, "#connection-banner", 10)
        assert banner.text == "Mất kết nối với máy chủ — đang kết nối lại…"
        wait_for(browser, lambda b: all(not x.is_enabled() for x in b.find_elements(By.CSS_SELECTOR, "button.service")),
                 5, "buttons still tappable while offline")
        service_button(browser, "HT").click()
        assert not browser.find_element(By.ID, "ticket").is_displayed()
        screenshot(browser, "kiosk-offline")
        d.start()
        wait_for(browser, lambda b: not b.find_element(By.ID, "connection-banner").is_displayed(), 15, "banner stayed")
        wait_ready(browser)
        assert service_button(browser, "HT").is_enabled()
        assert service_status(d, "HT")["issued_today"] == 0
    finally:
        d.stop()


# Layout ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("count", [6, 8, 10])
def test_services_fit_the_screen_without_scrolling(state_dir, browser, count):
    services = [dict(s) for s in DEMO_SERVICES]
    extra = [("TP", "Tư pháp"), ("NV", "Nội vụ"), ("GD", "Giáo dục – Đào tạo"), ("YT", "Y tế")]
    for i, (code, name) in enumerate(extra[: count - 6]):
        services.append({"id": 7 + i, "code": code, "name": name, "prefix": chr(ord("G") + i)})
    d = start_office(state_dir, services)
    try:
        # The longest texts: people waiting in every service, estimated or not.
        d.cli("counter", "open", "5")
        for service in services:
            for _ in range(12):
                d.api("POST", "/api/v1/tickets", {"service": service["code"]})
        browser.get(d.url("/kiosk"))
        wait_ready(browser, services[-1]["code"])
        buttons = browser.find_elements(By.CSS_SELECTOR, "button.service")
        assert len(buttons) == count
        height = browser.execute_script("return window.innerHeight")
        width = browser.execute_script("return window.innerWidth")
        assert browser.execute_script("return document.scrollingElement.scrollHeight") <= height
        targets = buttons + browser.find_elements(By.CSS_SELECTOR, "button.priority, .lang-switch")
        for element in targets:
            r = element.rect
            assert r["height"] >= 64 and r["width"] >= 64, element.text
            assert r["y"] + r["height"] <= height and r["x"] + r["width"] <= width, element.text
        for button in buttons:  # nothing is cut off inside a button
            assert browser.execute_script(
                "const b = arguments[0]; return b.scrollHeight <= b.clientHeight + 1;", button), button.text
        screenshot(browser, f"kiosk-{count}-services")
    finally:
        d.stop()
