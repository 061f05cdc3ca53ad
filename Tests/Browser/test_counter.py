"""The clerk's console, /counter/{n}: signing in, serving a ticket by keyboard alone, refusals, the live
waiting list, transfers, and what the counter handled today (GET /api/v1/counters/{n}/tickets)."""

from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import console_errors, screenshot, sign_in, visible, wait_for

DOSSIER = "000.00.19.H47-260105-0001"

# MARK: helpers

def press(driver, *keys):
    """Keys as a person types them, to whatever has the focus (the page itself when nothing has)."""
    ActionChains(driver).send_keys(*keys).perform()


def attribute(driver, css, name):
    nodes = driver.find_elements(By.CSS_SELECTOR, css)
    return nodes[0].get_attribute(name) if nodes else None


def wait_attribute(driver, css, name, value, timeout=10):
    wait_for(driver, lambda d: attribute(d, css, name) == value, timeout,
             f"{css}[{name}] is {attribute(driver, css, name)!r}, not {value!r}")


def active_id(driver):
    return driver.switch_to.active_element.get_attribute("id")


def issue(daemon, service="HT", **extra):
    return daemon.api("POST", "/api/v1/tickets", {"service": service, **extra})


def token_for(daemon, name):
    """A bearer token for an account whose password was already changed."""
    return daemon.cli("token", "create", name)["token"]


def api_token(daemon, who):
    """A new account (from daemon.clerk / daemon.admin) made usable: password changed, token made."""
    name, one_time, new = who
    session = daemon.api("POST", "/api/v1/login", {"name": name, "password": one_time})["token"]
    daemon.api("POST", "/api/v1/password", {"current": one_time, "new": new}, token=session)
    return token_for(daemon, name)


def full_window(driver):
    """The whole 1366×768 window as the page's viewport, as on the counter's screen: headless Chromium
    keeps part of the window for its (invisible) frame otherwise."""
    width, height = driver.execute_script("return [window.outerWidth, window.outerHeight]")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def open_console(browser, daemon, who, counter=1, lang=None):
    """Signs in on /counter/N and waits until the console shows the counter's state."""
    full_window(browser)
    path = f"/counter/{counter}" + (f"?lang={lang}" if lang else "")
    sign_in(browser, daemon, path, who)
    visible(browser, "#counter")
    wait_for(browser, lambda d: attribute(d, "#counter-state", "data-state") in ("open", "paused", "closed"), 10,
             "the counter's state never showed")


def served_rows(driver):
    """(number, state) of each row of today's table, read in one go (it is redrawn on every event)."""
    return [tuple(row) for row in driver.execute_script(
        "return Array.from(document.querySelectorAll('#served-today tbody tr')).map((r) => [r.dataset.number, r.dataset.state])")]


def row_text(driver, ticket_id):
    """The text of the ticket's row in today's table ("" while it is being redrawn)."""
    try:
        rows = driver.find_elements(By.CSS_SELECTOR, f'#served-today tbody tr[data-id="{ticket_id}"]')
        return rows[0].text if rows else ""
    except StaleElementReferenceException:
        return ""


def page_errors(driver, allowed=()):
    """The console's errors, less the HTTP answers the test expects, given as (path, status): the sign-in
    asks GET /api/v1/me first, which answers 401 until someone has signed in, and Chromium logs every
    4xx answer of fetch() as an error."""
    def expected(message):
        return any(f"{path} - Failed to load resource: the server responded with a status of {status}" in message
                   for path, status in (("/api/v1/me", 401),) + tuple(allowed))
    return [m for m in console_errors(driver) if not expected(m)]


def text_of(driver, element_id):
    try:
        return driver.find_element(By.ID, element_id).text
    except StaleElementReferenceException:
        return ""


def waiting_numbers(driver):
    """The numbers in the waiting list, read in one go (the list is redrawn on every event)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#waiting-list li')).map((li) => li.dataset.number)")


# MARK: tests

def test_keyboard_only_clerk_serves_a_ticket(daemon, browser):
    ticket = issue(daemon, "HT", priority="elderly")
    issue(daemon, "CT")
    who = daemon.clerk("lan", 1)
    open_console(browser, daemon, who)
    assert browser.find_element(By.ID, "counter-title").text == "Quầy 1"
    assert "lan" in browser.find_element(By.ID, "signed-in-as").text
    assert attribute(browser, "#counter-state", "data-state") == "closed"
    # Nothing to act on yet but opening the counter.
    assert not browser.find_element(By.ID, "action-open").get_attribute("disabled")
    for button in ("next", "recall", "start", "done", "no-show", "transfer", "close"):
        assert browser.find_element(By.ID, "action-" + button).get_attribute("disabled"), button

    # From here on only keys: O opens, N calls, B starts.
    press(browser, "o")
    wait_attribute(browser, "#counter-state", "data-state", "open")
    press(browser, "n")
    wait_for(browser, lambda d: d.find_element(By.ID, "current-number").text == ticket["number"], 10, "the ticket was not called")
    wait_attribute(browser, "#current-state", "data-state", "called")
    assert "Người cao tuổi" in browser.find_element(By.ID, "current-priority").text
    assert browser.find_element(By.ID, "current-service").text == "Hộ tịch"
    # The focus went on to the next step, and what cannot be done now is off.
    assert active_id(browser) == "action-start"
    assert browser.find_element(By.ID, "action-next").get_attribute("disabled")
    press(browser, "r")
    wait_for(browser, lambda d: "2 lần" in d.find_element(By.ID, "current-meta").text, 10, "recall did not count")
    press(browser, "b")
    wait_attribute(browser, "#current-state", "data-state", "serving")
    assert browser.find_element(By.ID, "current-state").text == "Đang phục vụ"

    # M goes to the dossier field; letters typed there are text, not shortcuts.
    press(browser, "m")
    assert active_id(browser) == "dossier-code"
    press(browser, "nd")
    assert browser.find_element(By.ID, "dossier-code").get_attribute("value") == "nd"
    press(browser, Keys.BACKSPACE, Keys.BACKSPACE, DOSSIER)
    # Tab leads from the field to the rating buttons (5 first); Space chooses one.
    press(browser, Keys.TAB)
    assert attribute(browser, ":focus", "data-rating") == "5"
    press(browser, Keys.TAB, Keys.SPACE)
    wait_attribute(browser, 'button.rating[data-rating="4"]', "aria-pressed", "true")
    assert attribute(browser, 'button.rating[data-rating="5"]', "aria-pressed") == "false"
    assert attribute(browser, "#current-state", "data-state") == "serving"
    screenshot(browser, "counter-serving")

    # Back to the field and Enter: done.
    ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB, Keys.TAB).key_up(Keys.SHIFT).perform()
    assert active_id(browser) == "dossier-code", browser.switch_to.active_element.get_attribute("outerHTML")
    press(browser, Keys.ENTER)
    wait_attribute(browser, "#current-state", "data-state", "none")
    wait_for(browser, lambda d: (ticket["number"], "done") in served_rows(d), 10, "the served list does not show the ticket")
    wait_for(browser, lambda d: DOSSIER in row_text(d, ticket["id"]), 10, "no dossier code in the row")
    # The list is redrawn whenever an event arrives: read the stars in one go, not element by element.
    stars_css = f'#served-today tr[data-id="{ticket["id"]}"] td[data-rating="4"] .stars'
    read_stars = "const s = document.querySelector(arguments[0]); return s ? [s.textContent.trim(), s.title] : null;"
    wait_for(browser, lambda d: d.execute_script(read_stars, stars_css) == ["★★★★☆", "Hài lòng"], 10,
             "the row does not show four stars titled Hài lòng")
    assert "Xong: 1" in text_of(browser, "served-counts")
    assert browser.find_element(By.ID, "dossier-code").get_attribute("value") == ""
    screenshot(browser, "counter-served")

    # The daemon says the same: the ticket, and the counter's list for today.
    stored = daemon.api("GET", f"/api/v1/tickets/{ticket['id']}")
    assert (stored["state"], stored["dossier"], stored["rating"], stored["call_count"]) == ("done", DOSSIER, 4, 2)
    today = daemon.api("GET", "/api/v1/counters/1/tickets", token=token_for(daemon, "lan"))
    assert [(t["number"], t["state"], t.get("dossier"), t.get("rating")) for t in today["tickets"]] == \
        [(ticket["number"], "done", DOSSIER, 4)]
    assert today["done"] == 1 and today["no_show"] == 0
    assert page_errors(browser) == []


def test_bad_dossier_code_is_refused_and_the_ticket_stays_serving(daemon, browser):
    ticket = issue(daemon, "HT")
    who = daemon.clerk("lan", 1)
    open_console(browser, daemon, who)
    for button in ("open", "next"):
        visible(browser, f"#action-{button}:not([disabled])").click()
    wait_attribute(browser, "#current-state", "data-state", "called")
    # A no-show after a single call: the server wants another call first, and the page says so.
    browser.find_element(By.ID, "action-no-show").click()
    error = visible(browser, "#action-error")
    wait_for(browser, lambda d: "gọi lại thêm" in error.text, 10, f"no clear error: {error.text!r}")
    assert attribute(browser, "#current-state", "data-state") == "called"
    browser.find_element(By.ID, "action-start").click()
    wait_attribute(browser, "#current-state", "data-state", "serving")
    assert not browser.find_element(By.ID, "action-error").is_displayed(), "the old error stayed"

    field = browser.find_element(By.ID, "dossier-code")
    field.send_keys("1.011442.000.00.00.H38")  # a procedure code, not a dossier code
    browser.find_element(By.CSS_SELECTOR, 'button.rating[data-rating="5"]').click()
    browser.find_element(By.ID, "action-done").click()
    error = visible(browser, "#action-error")
    wait_for(browser, lambda d: "Mã hồ sơ không đúng dạng" in error.text, 10, f"no clear error: {error.text!r}")
    screenshot(browser, "counter-bad-code")
    assert field.get_attribute("aria-invalid") == "true"
    assert active_id(browser) == "dossier-code"
    # Nothing happened: still serving, the text and the rating are kept for a correction.
    assert attribute(browser, "#current-state", "data-state") == "serving"
    assert field.get_attribute("value") == "1.011442.000.00.00.H38"
    assert attribute(browser, 'button.rating[data-rating="5"]', "aria-pressed") == "true"
    stored = daemon.api("GET", f"/api/v1/tickets/{ticket['id']}")
    assert stored["state"] == "serving" and "dossier" not in stored

    # Corrected (lower case is taken as the code in capitals), it goes through.
    field.clear()
    field.send_keys(DOSSIER.lower(), Keys.ENTER)
    wait_attribute(browser, "#current-state", "data-state", "none")
    assert browser.find_element(By.ID, "action-error").is_displayed() is False
    stored = daemon.api("GET", f"/api/v1/tickets/{ticket['id']}")
    assert (stored["state"], stored["dossier"], stored["rating"]) == ("done", DOSSIER, 5)
    assert page_errors(browser, [("/api/v1/counters/1/done", 400), ("/api/v1/counters/1/no-show", 409)]) == []


def test_waiting_list_follows_the_queue_without_reload(daemon, browser):
    who = daemon.clerk("lan", 1)
    open_console(browser, daemon, who)
    wait_attribute(browser, "#waiting-list", "data-count", "0")
    browser.execute_script("window.__sameDocument = true")

    # A citizen takes a number for a service of this counter (HT, CT): it appears.
    first = issue(daemon, "CT")
    wait_for(browser, lambda d: first["number"] in waiting_numbers(d), 10, "the new ticket did not appear")
    # One for a service this counter does not call (DD): it does not.
    other = issue(daemon, "DD")
    second = issue(daemon, "HT", priority="pregnant")
    wait_for(browser, lambda d: second["number"] in waiting_numbers(d), 10, "the second ticket did not appear")
    assert other["number"] not in waiting_numbers(browser)
    assert attribute(browser, "#waiting-list", "data-count") == "2"
    assert "is-priority" in browser.find_element(By.CSS_SELECTOR, f'#waiting-list li[data-number="{second["number"]}"]').get_attribute("class")

    # Counter 3 sends its DD ticket to counter 1 alone: it is listed apart.
    admin = api_token(daemon, daemon.admin())
    daemon.api("POST", "/api/v1/counters/3/open", token=admin)
    assert daemon.api("POST", "/api/v1/counters/3/next", token=admin)["number"] == other["number"]
    daemon.api("POST", "/api/v1/counters/3/transfer", {"counter": 1}, token=admin)
    wait_for(browser, lambda d: other["number"] in waiting_numbers(d), 10, "the ticket sent to this counter did not appear")
    group = browser.find_element(By.CSS_SELECTOR, "#waiting-list .waiting-group.is-targeted")
    assert other["number"] in group.text

    # Another counter calls the CT ticket: it leaves the list.
    daemon.api("POST", "/api/v1/counters/2/open", token=admin)
    called = daemon.api("POST", "/api/v1/counters/2/next", token=admin)["number"]
    assert called in (first["number"], second["number"])
    wait_for(browser, lambda d: called not in waiting_numbers(d), 10, "the called ticket stayed in the list")
    assert sorted(waiting_numbers(browser)) == sorted({first["number"], second["number"], other["number"]} - {called})
    assert browser.execute_script("return window.__sameDocument === true"), "the page was reloaded"
    screenshot(browser, "counter-waiting")
    assert page_errors(browser) == []


def test_another_counters_clerk_is_refused(daemon, browser):
    who = daemon.clerk("hoa", 2)
    sign_in(browser, daemon, "/counter/1", who)
    page = visible(browser, "#access-denied")
    assert "quầy 1" in page.find_element(By.TAG_NAME, "h1").text
    assert "quầy 2" in page.text
    assert not browser.find_element(By.ID, "counter").is_displayed()
    link = browser.find_element(By.ID, "access-denied-link")
    assert link.get_attribute("href").endswith("/counter/2")
    screenshot(browser, "counter-refused")
    # The server refuses too, whatever the page shows.
    status = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        fetch('/api/v1/counters/1/open', {method: 'POST'}).then(r => done(r.status));
    """)
    assert status == 403
    # Their own counter works.
    link.click()
    visible(browser, "#counter")
    wait_attribute(browser, "#counter-state", "data-state", "closed")
    assert browser.find_element(By.ID, "counter-title").text == "Quầy 2"
    assert page_errors(browser, [("/api/v1/counters/1/open", 403)]) == []


def test_transfer_to_another_service(daemon, browser):
    ticket = issue(daemon, "HT")
    who = daemon.clerk("lan", 1)
    open_console(browser, daemon, who)
    visible(browser, "#action-open:not([disabled])").click()
    visible(browser, "#action-next:not([disabled])").click()
    wait_attribute(browser, "#current-state", "data-state", "called")

    # The dialog opens on T and closes on Escape without doing anything.
    press(browser, "t")
    dialog = visible(browser, "#transfer-dialog")
    assert ticket["number"] in dialog.find_element(By.ID, "transfer-title").text
    assert dialog.find_element(By.CSS_SELECTOR, 'button[data-service="HT"]').get_attribute("disabled")
    assert attribute(browser, ":focus", "data-service") == "CT"
    press(browser, Keys.ESCAPE)
    wait_for(browser, lambda d: not d.find_element(By.ID, "transfer-dialog").is_displayed(), 5, "Escape did not close the dialog")
    assert active_id(browser) == "action-transfer"
    assert attribute(browser, "#current-state", "data-state") == "called"

    browser.find_element(By.ID, "action-transfer").click()
    visible(browser, "#transfer-dialog")
    screenshot(browser, "counter-transfer")
    browser.find_element(By.CSS_SELECTOR, '#transfer-dialog button[data-service="LDTBXH"]').click()
    wait_for(browser, lambda d: not d.find_element(By.ID, "transfer-dialog").is_displayed(), 10, "the dialog stayed open")
    wait_attribute(browser, "#current-state", "data-state", "none")
    wait_for(browser, lambda d: (ticket["number"], "transferred") in served_rows(d), 10, "the served list does not show the transfer")
    wait_for(browser, lambda d: "LDTBXH" in row_text(d, ticket["id"]), 10, "the row does not say where it went")

    queue = daemon.api("GET", "/api/v1/queue")
    target = next(s for s in queue["services"] if s["code"] == "LDTBXH")
    assert [(t["number"], t["state"]) for t in target["tickets"]] == [(ticket["number"], "transferred")]
    assert next(s for s in queue["services"] if s["code"] == "HT")["tickets"] == []
    stored = daemon.api("GET", f"/api/v1/tickets/{ticket['id']}")
    assert (stored["service"], stored["state"]) == ("LDTBXH", "transferred")
    # Not a service of counter 1: it is not in this counter's waiting list.
    assert ticket["number"] not in waiting_numbers(browser)
    assert page_errors(browser) == []


def test_english_console_without_console_errors(daemon, browser):
    """A whole little day in English; the page logs no error (but the 401 of the sign-in's first look)."""
    for service in ("HT", "CT", "HT"):
        issue(daemon, service)
    who = daemon.clerk("lan", 1)
    open_console(browser, daemon, who, lang="en")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.ID, "counter-title").text == "Counter 1"
    visible(browser, "#action-open:not([disabled])").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "counter-state").text == "Open", 10, "state not in English")
    # Serve one, mark one absent after a second call, call the third.
    browser.find_element(By.ID, "action-next").click()
    wait_attribute(browser, "#current-state", "data-state", "called")
    visible(browser, "#action-start:not([disabled])").click()
    wait_attribute(browser, "#current-state", "data-state", "serving")
    browser.find_element(By.CSS_SELECTOR, 'button.rating[data-rating="3"]').click()
    browser.find_element(By.ID, "action-done").click()
    wait_attribute(browser, "#current-state", "data-state", "none")
    visible(browser, "#action-next:not([disabled])").click()
    wait_attribute(browser, "#current-state", "data-state", "called")
    browser.find_element(By.ID, "action-recall").click()
    wait_for(browser, lambda d: "Called 2 times" in text_of(d, "current-meta"), 10, "recall not shown")
    browser.find_element(By.ID, "action-no-show").click()
    wait_attribute(browser, "#current-state", "data-state", "none")
    visible(browser, "#action-next:not([disabled])").click()
    wait_attribute(browser, "#current-state", "data-state", "called")
    wait_for(browser, lambda d: len(served_rows(d)) == 3, 10, "the served list is incomplete")
    assert browser.find_element(By.ID, "action-next").text.startswith("Call next")
    wait_for(browser, lambda d: "Done: 1" in text_of(d, "served-counts") and "No-shows: 1" in text_of(d, "served-counts"),
             10, "the counts are wrong")
    assert browser.find_element(By.CSS_SELECTOR, 'button.rating[data-rating="5"]').text.endswith("Very satisfied")
    screenshot(browser, "counter-en")
    assert page_errors(browser) == []
