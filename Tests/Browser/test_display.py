"""The hall board (/display): calls at once, waiting counts, recovery after a daemon crash, no names,
English, the results ticker, the sound unlock and the closed day.

Clerks' actions go through the HTTP API with an admin's bearer token, as a counter console would send them.
"""

import json
import re
import time
import urllib.error
from datetime import datetime, timedelta, timezone

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import (CONFIG, DEMO_SERVICES, ROOT, console_errors, core_dossier, core_transition, make_browser, screenshot,
                      start_daemon, visible, wait_for)

VIETNAM = timezone(timedelta(hours=7))



def clerk_token(daemon):
    """A bearer token of an admin (who may work any counter), its one-time password already changed."""
    made = daemon.cli("user", "add", "admin1", "--role", "admin")
    token = daemon.cli("token", "create", "admin1")["token"]
    daemon.api("POST", "/api/v1/password", {"current": made["password"], "new": "matkhau-moi-123"}, token=token)
    return token


def counter(daemon, token, n, action):
    return daemon.api("POST", f"/api/v1/counters/{n}/{action}", token=token)


def take(daemon, service, times=1):
    return [daemon.api("POST", "/api/v1/tickets", {"service": service})["number"] for _ in range(times)]


def open_display(driver, daemon, query=""):
    driver.get(daemon.url("/display" + query))
    wait_connected(driver)


def wait_connected(driver, timeout=10):
    """The event stream is open and the snapshot read after it is on screen."""
    wait_for(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-connected") == "true",
             timeout, "the display did not connect")


def card(driver, n):
    return driver.find_element(By.CSS_SELECTOR, f'.counter-card[data-counter="{n}"]')


def card_number(driver, n):
    return driver.find_element(By.CSS_SELECTOR, f'.counter-card[data-counter="{n}"] .counter-number').text


def is_new(driver, n):
    return "is-new" in card(driver, n).get_attribute("class").split()


def chimes(driver):
    return int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-chimes") or 0)


def waiting(driver, code):
    return driver.find_element(By.CSS_SELECTOR, f'.service-waiting[data-code="{code}"] .count').text


def quiet(driver):
    """Waits until chimes queued for earlier calls (they never overlap) have all sounded."""
    last, since = chimes(driver), time.monotonic()
    while time.monotonic() - since < 1.8:
        time.sleep(0.1)
        now = chimes(driver)
        if now != last:
            last, since = now, time.monotonic()


def settle(driver):
    """Waits for what a person would see: fonts drawn, no snapshot on its way."""
    driver.execute_script("return document.fonts.ready")
    time.sleep(0.6)


def feed(driver, event_type, data, at=None, event_id=None):
    """Hands the board an event as the stream would, through its test hook: for what a real core does not
    send on demand (an unmasked name, yesterday's result, a replayed event id, many results at once).
    test_dossier_ready_from_the_workflow_core_shows_in_the_ticker has the real thing end to end."""
    event = {"id": event_id or f"test-{time.monotonic_ns()}", "seq": 0, "type": event_type,
             "at": (at or datetime.now(VIETNAM)).isoformat(timespec="milliseconds"), "site": "browser-test", "data": data}
    driver.execute_script("window.MCDisplay.handle(arguments[0], arguments[1])", event_type, event)


def test_call_shows_within_a_second_highlighted_with_a_chime(daemon, tv_browser):
    token = clerk_token(daemon)
    for n in (1, 3, 5):
        counter(daemon, token, n, "open")
    take(daemon, "HT", 2)
    take(daemon, "DD", 2)
    take(daemon, "KD")
    counter(daemon, token, 1, "next")
    counter(daemon, token, 5, "next")
    counter(daemon, token, 5, "start")

    open_display(tv_browser, daemon)
    assert card_number(tv_browser, 1) == "A001"
    assert card_number(tv_browser, 5) == "E001"
    quiet(tv_browser)
    before = chimes(tv_browser)

    called = counter(daemon, token, 3, "next")
    assert called["number"] == "C001"
    WebDriverWait(tv_browser, 1.0, poll_frequency=0.02).until(
        lambda d: card_number(d, 3) == "C001" and is_new(d, 3) and chimes(d) > before,
        "counter 3's call did not show, highlighted and chimed, within 1 s")
    banner = tv_browser.find_element(By.ID, "call-banner").text
    assert "C001" in banner and "Quầy 3" in banner, banner
    assert tv_browser.find_element(By.CSS_SELECTOR, "#recent-list li:first-child").text.split()[0] == "C001"
    # Closed counters stay on the board, marked closed.
    assert "is-closed" in card(tv_browser, 2).get_attribute("class").split()
    settle(tv_browser)
    screenshot(tv_browser, "display-call")

    # The blink stops after a few seconds; a recall brings it back, with the chime again.
    wait_for(tv_browser, lambda d: not is_new(d, 3), 9, "the highlight did not end")
    before = chimes(tv_browser)
    counter(daemon, token, 3, "recall")
    WebDriverWait(tv_browser, 1.0, poll_frequency=0.02).until(
        lambda d: is_new(d, 3) and chimes(d) > before, "the recall did not highlight and chime again")
    assert console_errors(tv_browser) == []


def test_waiting_counts_follow_tickets(daemon, browser):
    open_display(browser, daemon)
    assert waiting(browser, "HT") == "0"
    assert waiting(browser, "DD") == "0"
    take(daemon, "HT", 3)
    take(daemon, "DD")
    wait_for(browser, lambda d: waiting(d, "HT") == "3" and waiting(d, "DD") == "1", 3, "counts did not follow")
    token = clerk_token(daemon)
    counter(daemon, token, 1, "open")
    counter(daemon, token, 1, "next")
    wait_for(browser, lambda d: waiting(d, "HT") == "2" and card_number(d, 1) == "A001", 3, "the call did not take one off")
    assert waiting(browser, "DD") == "1"
    # At 1366×768 too, the whole board fits on the screen.
    for css in ("#call-banner", '.counter-card[data-counter="6"]', '.service-waiting[data-code="LDTBXH"]'):
        rect = browser.execute_script("return arguments[0].getBoundingClientRect().toJSON()",
                                      browser.find_element(By.CSS_SELECTOR, css))
        assert rect["bottom"] <= 768 and rect["right"] <= 1366, (css, rect)
    assert browser.execute_script("return [innerWidth, innerHeight]") == [1366, 768]
    settle(browser)
    screenshot(browser, "display-small")


def set_offline(driver, offline):
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})


def test_recovers_after_a_daemon_crash_without_stale_numbers(daemon, tv_browser):
    token = clerk_token(daemon)
    for n in (1, 2, 3):
        counter(daemon, token, n, "open")
    take(daemon, "HT", 4)
    take(daemon, "DD")
    counter(daemon, token, 1, "next")
    counter(daemon, token, 2, "next")
    open_display(tv_browser, daemon)
    assert (card_number(tv_browser, 1), card_number(tv_browser, 2), card_number(tv_browser, 3)) == ("A001", "A002", "—")
    tv_browser.execute_script("window.sameDocument = true")

    daemon.kill()
    visible(tv_browser, "#connection-banner", timeout=5)
    assert tv_browser.find_element(By.TAG_NAME, "body").get_attribute("data-connected") == "false"
    # Nobody can call meanwhile; the board keeps the last numbers it knew, under the notice.
    with pytest.raises(urllib.error.URLError):
        counter(daemon, token, 3, "next")
    assert card_number(tv_browser, 1) == "A001"
    settle(tv_browser)
    screenshot(tv_browser, "display-offline")

    # The daemon comes back; before the board reconnects, counter 1 finishes its ticket and counter 3
    # calls. The browser is held offline so that its reconnection surely comes after these.
    set_offline(tv_browser, True)
    daemon.start()
    counter(daemon, token, 1, "start")
    counter(daemon, token, 1, "done")
    assert counter(daemon, token, 3, "next")["number"] == "C001"
    assert tv_browser.find_element(By.TAG_NAME, "body").get_attribute("data-connected") == "false"
    set_offline(tv_browser, False)

    wait_connected(tv_browser, timeout=15)
    assert not tv_browser.find_element(By.ID, "connection-banner").is_displayed()
    wait_for(tv_browser, lambda d: card_number(d, 3) == "C001", 3, "the call made before reconnecting is missing")
    assert card_number(tv_browser, 1) == "—", "the ticket finished while the board was away still shows"
    assert card_number(tv_browser, 2) == "A002"
    assert "A001" not in tv_browser.find_element(By.ID, "call-banner").text

    # A live call after the restart shows without reloading the page.
    called = counter(daemon, token, 1, "next")
    wait_for(tv_browser, lambda d: card_number(d, 1) == called["number"] and is_new(d, 1), 2, "the live call did not show")
    assert tv_browser.execute_script("return window.sameDocument") is True


def known_fragments(daemon, lang="vi"):
    """Every piece of text the board may show, besides numbers, times and the dossier ticker's entries."""
    strings = ROOT / "Templates" / "pages" / "strings" / lang
    texts = []
    for name in ("display.json", "common.json"):
        texts += json.loads((strings / name).read_text(encoding="utf-8")).values()
    queue = daemon.api("GET", "/api/v1/queue")
    texts += [s["name"] for s in queue["services"]] + [c["name"] for c in queue["counters"]]
    texts.append("UBND Phường Thắng Tam")
    fragments = []
    for text in texts:
        fragments += [part for part in re.split(r"\{\w+\}", text) if part.strip()]
    return sorted(set(fragments), key=len, reverse=True)


def test_shows_ticket_numbers_never_names(daemon, tv_browser):
    token = clerk_token(daemon)
    counter(daemon, token, 1, "open")
    counter(daemon, token, 4, "open")
    take(daemon, "HT", 2)
    take(daemon, "XD")
    counter(daemon, token, 1, "next")
    counter(daemon, token, 4, "next")
    open_display(tv_browser, daemon)
    wait_for(tv_browser, lambda d: card_number(d, 4) == "D001", 3)

    # The workflow core masks names; a name that is not masked is not shown at all.
    feed(tv_browser, "dossier.ready", {"code": "000.00.19.H47-260105-0001", "applicant_masked": "Trần T** B"})
    feed(tv_browser, "dossier.ready", {"code": "000.00.19.H47-260105-0002", "applicant_masked": "Nguyễn Văn An"})
    ticker = visible(tv_browser, "#ticker")
    text = tv_browser.execute_script("return document.body.innerText")
    assert "000.00.19.H47-260105-0002" in text and "Nguyễn Văn An" not in text
    assert "Trần T** B" in ticker.get_attribute("textContent")

    # Everything on the board is a known label, a service or counter name, a ticket number, the time,
    # the date, or a masked ticker entry: nothing else, so no name can be there.
    rest = text.replace("000.00.19.H47-260105-0001", " ").replace("000.00.19.H47-260105-0002", " ")
    rest = rest.replace("Trần T** B", " ").replace(tv_browser.execute_script("return MC.date()"), " ")
    rest = re.sub(r"\b\d{2}:\d{2}\b", " ", rest)
    rest = re.sub(r"\b[A-Z]{0,3}\d{1,6}\b", " ", rest)
    rest = rest.casefold()  # headings are upper-cased by the style sheet
    for fragment in known_fragments(daemon):
        rest = rest.replace(fragment.strip().casefold(), " ")
    rest = re.sub(r"[\s—→•()–,.]+", " ", rest).strip()
    assert rest == "", f"unexpected text on the board: {rest!r}"
    assert console_errors(tv_browser) == []


def test_english_board(daemon, tv_browser):
    token = clerk_token(daemon)
    counter(daemon, token, 1, "open")
    counter(daemon, token, 2, "open")
    counter(daemon, token, 6, "open")
    counter(daemon, token, 6, "pause")
    take(daemon, "HT", 3)
    take(daemon, "CT", 2)
    take(daemon, "LDTBXH")
    open_display(tv_browser, daemon, "?lang=en")
    feed(tv_browser, "dossier.ready", {"code": "H57.132-260804-0583", "applicant_masked": "Lê T** C", "counter": 2})
    time.sleep(3)  # the ticker has scrolled in by the time of the screenshot
    assert counter(daemon, token, 2, "next")["number"] == "A001"
    assert counter(daemon, token, 1, "next")["number"] == "A002"
    # Only the newest call blinks.
    wait_for(tv_browser, lambda d: card_number(d, 1) == "A002" and is_new(d, 1) and not is_new(d, 2), 2)
    assert card_number(tv_browser, 2) == "A001"
    assert tv_browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert tv_browser.find_element(By.CSS_SELECTOR, ".board-title").text == "Reception and results department"
    assert tv_browser.find_element(By.ID, "call-banner").text.replace("\n", " ") == "Number A002, please go to Counter 1"
    wait_for(tv_browser, lambda d: d.find_element(By.CSS_SELECTOR, '.service-waiting[data-code="HT"] .name').text == "Civil status", 3)
    assert card(tv_browser, 6).find_element(By.CSS_SELECTOR, ".counter-status").text == "On a break"
    assert "please go to Counter 2" in tv_browser.find_element(By.ID, "ticker").get_attribute("textContent")
    settle(tv_browser)
    screenshot(tv_browser, "display-en")
    assert console_errors(tv_browser) == []


def ticker_items(driver):
    return [e.get_attribute("textContent") for e in driver.find_elements(By.CSS_SELECTOR, "#ticker .ticker-item")]


def test_dossier_ready_from_the_workflow_core_shows_in_the_ticker(daemon, tv_browser):
    """A dossier being processed (4) is finished (9) in the embedded workflow core: the core sends
    display.notice, the daemon a dossier.ready event, and the board's ticker names the dossier by its code
    and masked applicant, never by the full name."""
    code = daemon.demo_codes()[4]
    dossier = core_dossier(daemon.workflow_socket, code)
    assert dossier["status"] == 4
    full = dossier["applicant"]
    masked = daemon.api("GET", "/api/v1/dossiers/" + code)["applicant_masked"]
    assert "*" in masked and masked != full
    daemon.wait_linked()  # the core sends notices to the daemons connected at that moment
    open_display(tv_browser, daemon)
    assert not tv_browser.find_element(By.ID, "ticker").is_displayed()

    assert core_transition(daemon.workflow_socket, code, 9)["status"] == 9
    wait_for(tv_browser, lambda d: any(code in item for item in ticker_items(d)), 5,
             "the finished dossier did not reach the ticker within 5 s")
    assert visible(tv_browser, "#ticker")
    assert ticker_items(tv_browser) == [f"Hồ sơ {code} của {masked} đã có kết quả — mời đến quầy trả kết quả"]
    for form in (tv_browser.page_source, tv_browser.execute_script("return document.body.innerText")):
        assert full not in form, "the applicant's full name is on the board"
    # The daemon's answer about the dossier follows the core.
    assert daemon.api("GET", "/api/v1/dossiers/" + code)["status_code"] == 9
    time.sleep(2.5)  # the ticker has started to scroll, as people see it
    screenshot(tv_browser, "display-dossier-ready")
    assert console_errors(tv_browser) == []


def test_results_ticker_keeps_the_latest_few(daemon, tv_browser):
    open_display(tv_browser, daemon)
    assert not tv_browser.find_element(By.ID, "ticker").is_displayed()
    yesterday = datetime.now(VIETNAM) - timedelta(days=1)
    feed(tv_browser, "dossier.ready", {"code": "38.98.H29-210519-0013", "applicant_masked": "Phạm V** D"}, at=yesterday)
    assert not tv_browser.find_element(By.ID, "ticker").is_displayed(), "yesterday's result came back"
    for i in range(1, 8):
        feed(tv_browser, "dossier.ready", {"code": f"000.00.19.H47-260105-000{i}", "applicant_masked": f"Nguyễn V** {i}"})
    ticker = visible(tv_browser, "#ticker")
    items = [e.get_attribute("textContent") for e in ticker.find_elements(By.CSS_SELECTOR, ".ticker-item")]
    assert len(items) == 5
    assert items[0] == ("Hồ sơ 000.00.19.H47-260105-0007 của Nguyễn V** 7 đã có kết quả — mời đến quầy trả kết quả")
    assert not any("0001" in item or "0002" in item for item in items)
    # It stands still a moment, readable from its start, then scrolls.
    track = tv_browser.find_element(By.ID, "ticker-track")
    first = track.location["x"]
    assert first == tv_browser.find_element(By.CSS_SELECTOR, ".ticker-viewport").location["x"]
    time.sleep(2.8)
    assert track.location["x"] < first
    # The same event twice (a replay) shows once.
    feed(tv_browser, "dossier.ready", {"code": "000.00.19.H47-260105-0008", "applicant_masked": "X** Y"}, event_id="same")
    feed(tv_browser, "dossier.ready", {"code": "000.00.19.H47-260105-0009", "applicant_masked": "X** Z"}, event_id="same")
    items = [e.get_attribute("textContent") for e in ticker.find_elements(By.CSS_SELECTOR, ".ticker-item")]
    assert "0008" in items[0] and not any("0009" in item for item in items)
    time.sleep(2.5)
    screenshot(tv_browser, "display-ticker")


def test_sound_unlock_button_when_the_browser_blocks_sound(daemon):
    """A browser started without the autoplay exception (as a TV's browser may be): one tap unlocks sound."""
    driver = make_browser(1920, 1080, autoplay=False)
    try:
        open_display(driver, daemon)
        assert driver.execute_script("return MC.soundAllowed()") is False
        button = visible(driver, "#sound-unlock")
        assert button.text == "Chạm để bật âm thanh"
        button.click()
        wait_for(driver, lambda d: d.execute_script("return MC.soundAllowed()") is True, 3, "sound still blocked")
        time.sleep(1.2)
        assert not driver.find_element(By.ID, "sound-unlock").is_displayed()
        assert chimes(driver) == 1
    finally:
        driver.quit()


def test_closed_day_says_so(state_dir, tv_browser):
    now = datetime.now(VIETNAM)
    if now.hour == 0 and now.minute < 3:
        pytest.skip("the day closing at 00:01 would not have closed yet")
    config = CONFIG.replace('closes: "24:00"', 'closes: "00:01"') + DEMO_SERVICES
    d = start_daemon(state_dir, config)
    try:
        assert d.api("GET", "/api/v1/queue")["phase"] == "closed"
        open_display(tv_browser, d)
        state = visible(tv_browser, "#day-state")
        assert "Đã hết giờ làm việc" in state.text
        assert not tv_browser.find_element(By.ID, "board").is_displayed()
        settle(tv_browser)
        screenshot(tv_browser, "display-closed")
    finally:
        d.stop()


def test_voice_on_plays_each_call_in_turn_to_its_end(daemon, tv_browser):
    """A TV with speakers (/display?voice=on) fetches each call's announcement from the daemon (chime and
    words, made by espeak-ng) and plays them one after the other, each to its end, in the order called."""
    token = clerk_token(daemon)
    for n in (1, 3):
        counter(daemon, token, n, "open")
    take(daemon, "HT")
    take(daemon, "DD")
    open_display(tv_browser, daemon, "?voice=on")
    first = counter(daemon, token, 1, "next")["number"]
    second = counter(daemon, token, 3, "next")["number"]
    wait_for(tv_browser, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-spoken") == "2", 60,
             "the two announcements were not played")
    log = tv_browser.execute_script("return window.motcuaVoiceLog")
    assert [(e["ticket"], e["counter"]) for e in log] == [(first, 1), (second, 3)]
    assert all(e["ok"] for e in log)
    # Each one played for as long as it lasts (a chime and a sentence: several seconds), and the second
    # started only after the first had ended.
    assert all(e["ended"] - e["started"] > 3000 for e in log), log
    assert log[1]["started"] >= log[0]["ended"], log
    # The page chimes through the announcement itself, not over it.
    assert tv_browser.find_element(By.TAG_NAME, "body").get_attribute("data-chimes") in (None, "", "0")
    assert console_errors(tv_browser) == []
