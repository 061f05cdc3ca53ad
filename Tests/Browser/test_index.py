"""The index page and what every page shares: language switch, the sign-in dialog."""

from selenium.webdriver.common.by import By

from conftest import console_errors, screenshot, visible, wait_for


def test_index_lists_pages_and_counters(daemon, browser):
    browser.get(daemon.url("/"))
    wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#index-counters a")) == 6, 10, "six demo counters")
    assert browser.find_element(By.CSS_SELECTOR, ".topbar-office").text == "UBND PHƯỜNG THẮNG TAM"
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".index-links a")]
    assert [link.rsplit("/", 1)[1] for link in links] == ["kiosk", "display", "lookup", "admin"]
    screenshot(browser, "index-vi")
    assert console_errors(browser) == []


def test_language_switch_is_remembered(daemon, browser):
    browser.get(daemon.url("/"))
    visible(browser, ".lang-switch").click()
    wait_for(browser, lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en")
    assert browser.find_element(By.CSS_SELECTOR, ".index-lead").text == "Choose the page for this device:"
    # The choice holds on the next page without ?lang=.
    browser.get(daemon.url("/"))
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    screenshot(browser, "index-en")


def test_unknown_counter_page_says_so(daemon, browser):
    browser.get(daemon.url("/counter/42"))
    assert "Không có trang này" in browser.find_element(By.TAG_NAME, "h1").text


def test_an_address_with_no_page_says_so_and_leads_home(daemon, browser):
    # A counter's address without its number, as a clerk might type it.
    browser.get(daemon.url("/counter"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Không có trang này"
    assert "Xin kiểm tra lại" in browser.find_element(By.CSS_SELECTOR, ".notfound p").text
    screenshot(browser, "notfound-vi")
    browser.find_element(By.CSS_SELECTOR, ".notfound a[href='/']").click()
    wait_for(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#index-counters a")) == 6, 10, "the index")
