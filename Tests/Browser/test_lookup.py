"""The dossier lookup kiosk (/lookup): the on-screen keyboard, a scanner typing into the page, the answers
the real daemon gives today (400 bad_code, 503 workflow_unavailable), and the return to an empty screen.

The rendering of a found dossier waits for the workflow core (issue 5): no answer is faked here.
"""

import time

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import screenshot, visible, wait_for

CODE = "000.00.19.H47-260105-0001"
UNAVAILABLE_VI = "Hệ thống hồ sơ tạm thời chưa kết nối được"


def page_errors(driver):
    """SEVERE console entries, without the browser's own line for a lookup the server answered with an
    error status (400, 503): those are answers the page shows in words, not faults of the page."""
    errors = []
    for entry in driver.get_log("browser"):
        if entry["level"] != "SEVERE":
            continue
        message = entry["message"]
        if entry.get("source") == "network" and "/api/v1/dossiers/" in message and (
                "status of 400" in message or "status of 503" in message):
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


def code_value(driver):
    return driver.find_element(By.ID, "code").get_attribute("value")


def error_text(driver):
    return visible(driver, "#lookup-error").text


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
    text = error_text(browser)
    assert "«000.00.19-H47» không đúng dạng mã hồ sơ" in text
    assert CODE in text  # the example of the format
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


def test_scanner_burst_fills_the_field_and_shows_the_workflow_is_unavailable(daemon, browser):
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


def test_idle_return_clears_the_code(daemon, browser):
    browser.get(daemon.url("/lookup?return=2"))
    visible(browser, "#code")
    press(browser, CODE)
    browser.find_element(By.ID, "lookup-submit").click()
    wait_for(browser, lambda d: UNAVAILABLE_VI in d.find_element(By.ID, "lookup-error").text, 10)
    assert code_value(browser) == CODE
    shown = time.monotonic()
    wait_for(browser, lambda d: code_value(d) == "", 8, "the code is still on the screen")
    assert time.monotonic() - shown >= 1.5  # not at once: after the idle time
    assert not browser.find_element(By.ID, "lookup-error").is_displayed()
    assert browser.find_element(By.ID, "lookup-error").text == ""
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "start"

    # A half-typed code goes too.
    press(browser, "000.00")
    wait_for(browser, lambda d: code_value(d) == "", 8, "the half-typed code is still on the screen")
    assert page_errors(browser) == []


def test_english(daemon, browser):
    browser.get(daemon.url("/lookup?lang=en"))
    assert visible(browser, "#lookup-heading").text == "Check the status of a dossier"
    assert browser.find_element(By.ID, "lookup-submit").text == "Look up"
    browser.find_element(By.TAG_NAME, "body").send_keys(CODE + Keys.ENTER)
    wait_for(browser, lambda d: "The dossier system cannot be reached right now" in d.find_element(By.ID, "lookup-error").text,
             10, "the English words are not shown")
    screenshot(browser, "lookup-en")
    assert page_errors(browser) == []
