"""The administrator's page (/admin): sign-in with the forced password change, the demo office's services,
counters and accounts, devices and incidents; a clerk refused in plain words; adding an account whose
one-time password really signs in."""

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import screenshot, sign_in, visible, wait_for


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
