"""The dossier lookup kiosk (/lookup): the on-screen keyboard, a scanner typing into the page, the answers
of the real daemon and of a real workflow core, and the return to an empty screen.

`serve --demo` runs the reference workflow core inside the daemon and seeds one demo dossier in each national
status 1–10 (their codes are in the daemon's log); the masked status the page shows comes from there, and
the applicant's full name, which only the core knows, is checked against it. The "workflow unavailable"
answers come from a daemon whose `workflow.socket` names a path where nothing listens, and the stale answer
from an external core (`motcua workflow serve --demo`) killed between two lookups. Nothing is faked.
"""

import json
import re
import time
import unicodedata
from datetime import datetime, timedelta, timezone

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import mocked_scanner
from conftest import (CONFIG, DEMO_SERVICES, WorkflowCore, core_dossier, screenshot, start_daemon, visible,
                      wait_for, yaml_value)

CODE = "000.00.19.H47-260105-0001"
UNAVAILABLE_VI = "Hệ thống hồ sơ tạm thời chưa kết nối được"
VIETNAM = timezone(timedelta(hours=7))

# What a citizen reads for each national status (TrangThaiHoSo), in Vietnamese and in English.
STATUS_VI = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}


def unlinked_config(state_dir):
    """The test office with `workflow.socket` at a path nothing listens on: no embedded core, no answer."""
    return CONFIG + DEMO_SERVICES + f"workflow:\n  socket: {yaml_value(str(state_dir / 'no-core.sock'))}\n"


@pytest.fixture
def unlinked_daemon(state_dir):
    """A daemon whose workflow core cannot be reached: every lookup of a well-formed code is a real 503."""
    d = start_daemon(state_dir, unlinked_config(state_dir))
    yield d
    d.stop()


def page_errors(driver):
    """SEVERE console entries, without the browser's own line for a lookup the server answered with an
    error status (400, 404, 503): those are answers the page shows in words, not faults of the page."""
    errors = []
    for entry in driver.get_log("browser"):
        if entry["level"] != "SEVERE":
            continue
        message = entry["message"]
        if entry.get("source") == "network" and "/api/v1/dossiers/" in message and any(
                f"status of {status}" in message for status in (400, 404, 503)):
            continue
        errors.append(message)
    return errors


def lookup_requests(driver):
    """The dossier lookups the page has sent so far (URLs)."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/api/v1/dossiers/'))")


def press(driver, text):
    """Types on the on-screen keyboard, key by key, as a finger would."""
    for character in text:
        driver.find_element(By.CSS_SELECTOR, f'button.key[data-key="{character}"]').click()


def scan(driver, code):
    """A scanner's burst: the code typed fast into the page, then Enter."""
    driver.find_element(By.TAG_NAME, "body").send_keys(code + Keys.ENTER)


def code_value(driver):
    return driver.find_element(By.ID, "code").get_attribute("value")


def error_text(driver):
    return visible(driver, "#lookup-error").text


def text(driver, element_id):
    return driver.find_element(By.ID, element_id).text


def shown(driver, element_id):
    return driver.find_element(By.ID, element_id).is_displayed()


def wait_result(driver, code, timeout=10):
    """Waits for the result screen of `code`."""
    wait_for(driver, lambda d: shown(d, "result") and text(d, "result-code") == code, timeout,
             f"the result of {code} is not shown")


def back(driver):
    driver.find_element(By.ID, "result-back").click()
    wait_for(driver, lambda d: not shown(d, "result") and shown(d, "lookup-entry"), 5, "the result stays")


def in_vietnam(iso):
    return datetime.fromisoformat(iso).astimezone(VIETNAM)


def assert_date_time(shown_text, iso, at_word="lúc"):
    """The page shows a time as "Thứ sáu, 27/11/2026 lúc 03:06" (Vietnam's time)."""
    when = in_vietnam(iso)
    assert when.strftime("%d/%m/%Y") in shown_text and f"{at_word} {when.strftime('%H:%M')}" in shown_text, (
        shown_text, iso)


def page_text(driver):
    return driver.execute_script("return document.body.innerText")


def assert_fits_on_screen(driver):
    """The whole answer is on the 1366×768 screen: nothing below the fold, nothing to scroll, nothing cut."""
    box = driver.execute_script("""
        const result = document.getElementById('result').getBoundingClientRect();
        const facts = document.querySelector('.result-facts');
        const cut = [...document.querySelectorAll('#result .fact dd, #result-status, #result-procedure, #result-stale')]
          .filter((e) => e.offsetParent !== null && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1))
          .map((e) => e.id || e.className);
        return {bottom: result.bottom, right: result.right, factsOverflow: facts.scrollHeight - facts.clientHeight,
                pageOverflow: document.documentElement.scrollHeight - innerHeight, width: innerWidth, height: innerHeight, cut};
    """)
    assert box["bottom"] <= box["height"] and box["right"] <= box["width"], box
    assert box["factsOverflow"] <= 1 and box["pageOverflow"] <= 0, box
    assert box["cut"] == [], box


def assert_no_full_name(driver, full):
    """The applicant's full name is nowhere on the page: not in its words, not in its HTML."""
    html = driver.page_source
    words = page_text(driver)
    for form in {full, unicodedata.normalize("NFD", full), unicodedata.normalize("NFC", full)}:
        assert form not in html and form not in words, f"the full name {full!r} is on the page"
    # Nor the given name (the last word), which the mask hides.
    given = full.split()[-1]
    assert not re.search(rf"(?<!\w){re.escape(given)}(?!\w)", words), f"the given name {given!r} is on the page: {words!r}"


# ---- Codes the page or the server refuses, and a core that does not answer ----

def test_keyboard_malformed_code_shows_the_format(daemon, browser):
    browser.get(daemon.url("/lookup"))
    visible(browser, "#code")
    assert browser.find_element(By.ID, "lookup-example").text.endswith(CODE)
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-return-seconds") == "60"
    screenshot(browser, "lookup-start")

    # Keys, backspace and clear do what they say.
    press(browser, "12AB")
    assert code_value(browser) == "12AB"
    browser.find_element(By.ID, "key-backspace").click()
    assert code_value(browser) == "12A"
    browser.find_element(By.ID, "key-clear").click()
    assert code_value(browser) == ""

    # Nothing typed: the page asks for a code.
    browser.find_element(By.ID, "lookup-submit").click()
    assert "Xin nhập hoặc quét mã hồ sơ" in error_text(browser)

    # A malformed code is caught on the page, before any request.
    press(browser, "000.00.19-H47")
    browser.find_element(By.ID, "lookup-submit").click()
    message = error_text(browser)
    assert "«000.00.19-H47» không đúng dạng mã hồ sơ" in message
    assert CODE in message  # the example of the format
    assert lookup_requests(browser) == []
    assert code_value(browser) == "000.00.19-H47"  # kept, so it can be corrected
    screenshot(browser, "lookup-bad-code")

    # Typing again takes the message away.
    press(browser, "4")
    wait_for(browser, lambda d: not d.find_element(By.ID, "lookup-error").is_displayed(), 5, "message stays")

    # A code of the right shape whose date does not exist (31 February) goes to the server, whose real
    # 400 bad_code the page shows in the same words.
    browser.find_element(By.ID, "key-clear").click()
    press(browser, "000.00.19.H47-260231-0001")
    browser.find_element(By.ID, "lookup-submit").click()
    wait_for(browser, lambda d: "không đúng dạng mã hồ sơ" in d.find_element(By.ID, "lookup-error").text, 10,
             "the server's bad_code is not shown")
    assert lookup_requests(browser) == [daemon.url("/api/v1/dossiers/000.00.19.H47-260231-0001")]

    # A procedure code typed by mistake is named as such.
    browser.find_element(By.ID, "key-clear").click()
    press(browser, "1.011442.000.00.00.H38")
    browser.find_element(By.ID, "lookup-submit").click()
    assert "là mã thủ tục, không phải mã hồ sơ" in error_text(browser)
    assert len(lookup_requests(browser)) == 1
    assert page_errors(browser) == []


def test_scanner_burst_fills_the_field_and_shows_the_workflow_is_unavailable(unlinked_daemon, browser):
    daemon = unlinked_daemon
    browser.get(daemon.url("/lookup"))
    visible(browser, "#code")
    # The scanner types into the page, not into the field (nothing has the focus a scanner could aim
    # for), in lower case as some scanners do; Enter ends the scan.
    browser.execute_script("document.activeElement.blur()")
    browser.find_element(By.TAG_NAME, "body").send_keys(CODE.lower() + Keys.ENTER)
    wait_for(browser, lambda d: UNAVAILABLE_VI in d.find_element(By.ID, "lookup-error").text, 10,
             "the workflow-unavailable words are not shown")
    assert code_value(browser) == CODE
    assert lookup_requests(browser) == [daemon.url("/api/v1/dossiers/" + CODE)]
    assert browser.find_element(By.ID, "result").is_displayed() is False
    screenshot(browser, "lookup-unavailable")

    # Enter again from the scanner retries the same code.
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ENTER)
    wait_for(browser, lambda d: len(lookup_requests(d)) == 2, 10, "Enter did not look up again")
    wait_for(browser, lambda d: UNAVAILABLE_VI in d.find_element(By.ID, "lookup-error").text, 10)
    assert page_errors(browser) == []


def test_idle_return_clears_the_code(unlinked_daemon, browser):
    daemon = unlinked_daemon
    browser.get(daemon.url("/lookup?return=2"))
    visible(browser, "#code")
    press(browser, CODE)
    browser.find_element(By.ID, "lookup-submit").click()
    wait_for(browser, lambda d: UNAVAILABLE_VI in d.find_element(By.ID, "lookup-error").text, 10)
    assert code_value(browser) == CODE
    shown_at = time.monotonic()
    wait_for(browser, lambda d: code_value(d) == "", 8, "the code is still on the screen")
    assert time.monotonic() - shown_at >= 1.5  # not at once: after the idle time
    assert not browser.find_element(By.ID, "lookup-error").is_displayed()
    assert browser.find_element(By.ID, "lookup-error").text == ""
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "start"

    # A half-typed code goes too.
    press(browser, "000.00")
    wait_for(browser, lambda d: code_value(d) == "", 8, "the half-typed code is still on the screen")
    assert page_errors(browser) == []


def test_english(unlinked_daemon, browser):
    daemon = unlinked_daemon
    browser.get(daemon.url("/lookup?lang=en"))
    assert visible(browser, "#lookup-heading").text == "Check the status of a dossier"
    assert browser.find_element(By.ID, "lookup-submit").text == "Look up"
    browser.find_element(By.TAG_NAME, "body").send_keys(CODE + Keys.ENTER)
    wait_for(browser, lambda d: "The dossier system cannot be reached right now" in d.find_element(By.ID, "lookup-error").text,
             10, "the English words are not shown")
    screenshot(browser, "lookup-en")
    assert page_errors(browser) == []


# ---- Dossiers the workflow core knows ----

def test_a_demo_dossier_shows_its_masked_status(daemon, browser):
    """The issue's acceptance: a citizen types the code of a dossier being processed on the on-screen
    keyboard and reads its status, procedure, unit, dates and masked name; the full name, which the core
    keeps, is nowhere on the page."""
    code = daemon.demo_codes()[4]
    dossier = core_dossier(daemon.workflow_socket, code)
    assert dossier["status"] == 4
    full = dossier["applicant"]

    browser.get(daemon.url("/lookup"))
    visible(browser, "#code")
    press(browser, code)
    assert code_value(browser) == code
    browser.find_element(By.ID, "lookup-submit").click()
    wait_result(browser, code)
    assert lookup_requests(browser) == [daemon.url("/api/v1/dossiers/" + code)]
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "result"
    assert not shown(browser, "lookup-entry")

    assert text(browser, "result-heading") == f"Hồ sơ {code}"
    assert text(browser, "result-status") == "Đang xử lý"
    assert text(browser, "result-procedure") == dossier["procedure"]
    assert text(browser, "result-unit") == dossier["unit"]
    masked = text(browser, "result-applicant")
    assert "*" in masked and masked != full, masked
    assert masked.split()[0] == full.split()[0], (masked, full)  # the family name stays, the rest is hidden
    assert text(browser, "result-received-label") == "Ngày tiếp nhận"
    assert_date_time(text(browser, "result-received"), dossier["received_at"])
    assert shown(browser, "result-due-row")
    assert browser.find_element(By.CSS_SELECTOR, "#result-due-row dt").text == "Ngày hẹn trả kết quả"
    assert_date_time(text(browser, "result-due"), dossier["due_at"])
    # Nothing asked of the citizen, no result yet, a fresh answer.
    for row in ("result-supplement-row", "result-fee-row", "result-returned-row", "result-stale"):
        assert not shown(browser, row), row
    assert text(browser, "result-auto") == "Màn hình tự xóa sau 60 giây không dùng."

    assert_no_full_name(browser, full)
    # The daemon never sent it either: the page could not have shown it.
    answer = daemon.api("GET", "/api/v1/dossiers/" + code)
    assert full not in json.dumps(answer, ensure_ascii=False)
    assert answer["applicant_masked"] == masked and answer["stale"] is False

    assert_fits_on_screen(browser)
    browser.execute_script("return document.fonts.ready")
    screenshot(browser, "lookup-found")
    assert page_errors(browser) == []


def test_each_status_shows_what_matters_for_it(daemon, browser):
    """One demo dossier per national status: the words of each, the supplement list (5), the fee (6), no
    appointment before one exists (1, 3), the date the result was handed over (10). Each screen fits."""
    codes = daemon.demo_codes()
    browser.get(daemon.url("/lookup"))
    visible(browser, "#code")
    for status in range(1, 11):
        code = codes[status]
        dossier = core_dossier(daemon.workflow_socket, code)
        scan(browser, code)
        wait_result(browser, code)
        where = f"status {status} ({code})"
        assert text(browser, "result-status") == STATUS_VI[status], where
        assert browser.find_element(By.ID, "result").get_attribute("data-status-code") == str(status), where
        assert text(browser, "result-procedure") == dossier["procedure"], where
        assert "*" in text(browser, "result-applicant"), where
        assert_no_full_name(browser, dossier["applicant"])

        # Submitted online (1) or refused at intake (3): never received, no appointment.
        if status in (1, 3):
            assert not shown(browser, "result-due-row"), where
            assert text(browser, "result-received-label") == "Ngày nộp hồ sơ", where
        else:
            assert shown(browser, "result-due-row"), where
            assert re.search(r"\d{2}/\d{2}/\d{4} lúc \d{2}:\d{2}$", text(browser, "result-due")), where
            assert text(browser, "result-received-label") == "Ngày tiếp nhận", where
        assert re.search(r"\d{2}/\d{2}/\d{4} lúc \d{2}:\d{2}$", text(browser, "result-received")), where

        if status == 5:
            assert shown(browser, "result-supplement-row"), where
            items = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#result-supplement li")]
            assert items == dossier["supplement_requests"] and items, (where, items)
            assert browser.find_element(By.CSS_SELECTOR, "#result-supplement-row dt").text == "Giấy tờ cần bổ sung"
        else:
            assert not shown(browser, "result-supplement-row"), where

        if status == 6:
            assert shown(browser, "result-fee-row"), where
            amount = f"{dossier['fee_due']:,}".replace(",", ".")
            assert text(browser, "result-fee") == f"{amount} đồng", where
            assert browser.find_element(By.CSS_SELECTOR, "#result-fee-row dt").text == "Phí, lệ phí phải nộp"
        else:
            assert not shown(browser, "result-fee-row"), where

        if status == 10:
            assert shown(browser, "result-returned-row"), where
            assert_date_time(text(browser, "result-returned"), dossier["returned_at"])
        else:
            assert not shown(browser, "result-returned-row"), where

        assert not shown(browser, "result-stale"), where
        assert_fits_on_screen(browser)
        screenshot(browser, f"lookup-status-{status}")
        back(browser)
        assert code_value(browser) == ""
    assert page_errors(browser) == []


def test_unknown_code_is_not_found(daemon, browser):
    agency = daemon.demo_codes()[1].rsplit("-", 2)[0]
    code = f"{agency}-{datetime.now(VIETNAM).strftime('%y%m%d')}-9999"
    browser.get(daemon.url("/lookup"))
    visible(browser, "#code")
    press(browser, code)
    browser.find_element(By.ID, "lookup-submit").click()
    wait_for(browser, lambda d: "Không tìm thấy hồ sơ" in d.find_element(By.ID, "lookup-error").text, 10,
             "the not-found words are not shown")
    assert error_text(browser) == f"Không tìm thấy hồ sơ có mã {code}: xin kiểm tra lại mã trên giấy tiếp nhận."
    assert not shown(browser, "result")
    assert code_value(browser) == code  # kept, so it can be corrected
    screenshot(browser, "lookup-not-found")
    assert page_errors(browser) == []


def test_stale_answer_when_the_core_goes_down(state_dir, browser):
    """An external core answers once, then dies: the daemon's last answer for that code is shown with the
    time it dates from; a code never looked up while the core was up cannot be answered."""
    core = WorkflowCore(state_dir / "core").start()
    daemon = None
    try:
        codes = core.demo_codes()
        config = CONFIG + DEMO_SERVICES + f"workflow:\n  socket: {yaml_value(str(core.socket))}\n"
        daemon = start_daemon(state_dir, config).wait_linked()
        looked_up, never = codes[4], codes[5]

        browser.get(daemon.url("/lookup"))
        visible(browser, "#code")
        before = datetime.now(VIETNAM)
        scan(browser, looked_up)
        wait_result(browser, looked_up)
        after = datetime.now(VIETNAM)
        assert not shown(browser, "result-stale")
        assert text(browser, "result-status") == "Đang xử lý"
        back(browser)

        core.kill()
        scan(browser, looked_up)
        wait_result(browser, looked_up)
        note = visible(browser, "#result-stale").text
        times = {when.strftime("%H:%M") for when in (before, after)}
        assert any(f"Thông tin cập nhật lúc {hm} ngày {after.strftime('%d/%m/%Y')}" in note for hm in times), note
        assert "hệ thống hồ sơ đang tạm thời không kết nối được" in note, note
        # The rest of the answer is still there.
        assert text(browser, "result-status") == "Đang xử lý"
        assert "*" in text(browser, "result-applicant")
        assert shown(browser, "result-due-row")
        assert_fits_on_screen(browser)
        screenshot(browser, "lookup-stale")

        back(browser)
        scan(browser, never)
        wait_for(browser, lambda d: UNAVAILABLE_VI in d.find_element(By.ID, "lookup-error").text, 10,
                 "the workflow-unavailable words are not shown")
        assert not shown(browser, "result")
        assert page_errors(browser) == []
    finally:
        if daemon:
            daemon.stop()
        core.kill()


def test_english_found_dossier(daemon, browser):
    code = daemon.demo_codes()[6]
    dossier = core_dossier(daemon.workflow_socket, code)
    browser.get(daemon.url("/lookup?lang=en"))
    visible(browser, "#code")
    scan(browser, code)
    wait_result(browser, code)
    assert text(browser, "result-heading") == f"Dossier {code}"
    assert text(browser, "result-status") == "Fees or taxes to be paid"
    assert browser.find_element(By.CSS_SELECTOR, ".result-status-box .result-label").text == "Status"
    assert text(browser, "result-received-label") == "Received on"
    assert_date_time(text(browser, "result-received"), dossier["received_at"], at_word="at")
    assert browser.find_element(By.CSS_SELECTOR, "#result-due-row dt").text == "Result due on"
    assert browser.find_element(By.CSS_SELECTOR, "#result-fee-row dt").text == "Fees due"
    assert text(browser, "result-fee") == f"{dossier['fee_due']:,} VND"
    assert text(browser, "result-back") == "Look up another code"
    assert text(browser, "result-auto") == "The screen clears itself after 60 seconds without use."
    assert "*" in text(browser, "result-applicant")
    assert_no_full_name(browser, dossier["applicant"])
    assert_fits_on_screen(browser)
    screenshot(browser, "lookup-found-en")
    assert page_errors(browser) == []


def test_idle_return_clears_a_found_dossier(daemon, browser):
    """The next person sees nothing of the previous one's dossier, not even in the page's HTML."""
    code = daemon.demo_codes()[5]
    browser.get(daemon.url("/lookup?return=2"))
    visible(browser, "#code")
    scan(browser, code)
    wait_result(browser, code)
    masked = text(browser, "result-applicant")
    supplement = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#result-supplement li")]
    assert supplement
    wait_for(browser, lambda d: not shown(d, "result"), 8, "the result is still on the screen")
    assert shown(browser, "lookup-entry") and code_value(browser) == ""
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "start"
    html = browser.page_source
    for left in [code, masked, *supplement]:
        assert left not in html, f"{left!r} is still in the page"
    assert page_errors(browser) == []


def test_a_scanner_held_by_the_daemon_opens_the_dossier_on_its_kiosk(state_dir, browser):
    """The issue's acceptance for scanners: a USB scanner the daemon grabs (mocked by umockdev, replaying
    an evemu recording) reads a receipt's code; the /lookup page of its kiosk shows that dossier's status
    without anyone touching the screen."""
    core = WorkflowCore(state_dir / "core").start()
    daemon = None
    try:
        code = core.demo_codes()[4]
        config = (CONFIG + DEMO_SERVICES + f"workflow:\n  socket: {yaml_value(str(core.socket))}\n"
                  + f"scanners:\n  - {{path: {mocked_scanner.SCANNER_LINK}, kiosk: tra-cuu-1}}\n")
        daemon = start_daemon(state_dir, config, launcher=mocked_scanner.launcher(state_dir / "scanner", code)).wait_linked()

        browser.get(daemon.url("/lookup?kiosk=tra-cuu-1"))
        visible(browser, "#code")
        wait_result(browser, code, timeout=30)
        assert text(browser, "result-status") == "Đang xử lý"
        assert "*" in text(browser, "result-applicant")
        assert browser.find_element(By.ID, "code").get_attribute("data-source") == "scanner"
        # The scanner reads the receipt again every few seconds: each read is the same lookup.
        requests = lookup_requests(browser)
        assert requests and set(requests) == {daemon.url("/api/v1/dossiers/" + code)}, requests
        assert_fits_on_screen(browser)
        screenshot(browser, "lookup-scanned-by-the-daemon")
        assert page_errors(browser) == []
    finally:
        if daemon:
            daemon.stop()
        core.kill()
