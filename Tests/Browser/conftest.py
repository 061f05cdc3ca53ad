"""Fixtures for the browser tests: a real motcua daemon (the debug build) on a free port with a fresh
state directory and the demo office, and a real Chromium driven by chromedriver through Selenium.

Nothing here is a stand-in: the pages are the daemon's own, the clicks are Chromium's, the tickets go
through the daemon's HTTP API into its SQLite store.

Screenshots go to artifacts/screenshots/NAME.png (look at them: what a person sees is part of the work).
"""

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("MOTCUA_TEST_BINARY", ROOT / ".build" / "debug" / "motcua"))
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = os.environ.get("MOTCUA_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("MOTCUA_TEST_CHROMEDRIVER", "/usr/bin/chromedriver")
# Chromium leaves a folder for its singleton socket in TMPDIR at every quit (org.chromium.Chromium.*): the
# browsers get a TMPDIR of their own, removed when the session ends.
BROWSER_TMP = tempfile.mkdtemp(prefix="motcua-chromium-")
atexit.register(shutil.rmtree, BROWSER_TMP, ignore_errors=True)

# A configuration open around the clock, so the tests do not depend on the hour they run at.
CONFIG = """\
site:
  id: browser-test
  name: UBND Phường Thắng Tam
day:
  opens: "00:00"
  closes: "24:00"
queue:
  priority_policy: strict
"""

# The demo's six services without their ticket-issuing windows (a configuration file keeps the demo's
# windows, 07:30–11:30 and 13:30–17:00): the tests must not depend on the hour they run at. Counters 1–6
# come from the demo.
DEMO_SERVICE_LIST = [
    {"id": 1, "code": "HT", "name": "Hộ tịch", "name_en": "Civil status", "prefix": "A"},
    {"id": 2, "code": "CT", "name": "Chứng thực", "name_en": "Certification of copies and signatures", "prefix": "B"},
    {"id": 3, "code": "DD", "name": "Đất đai", "name_en": "Land", "prefix": "C", "daily_quota": 40},
    {"id": 4, "code": "XD", "name": "Xây dựng", "name_en": "Construction", "prefix": "D", "daily_quota": 30},
    {"id": 5, "code": "KD", "name": "Kinh doanh – Hộ kinh doanh", "name_en": "Business – household businesses",
     "prefix": "E", "daily_quota": 50},
    {"id": 6, "code": "LDTBXH", "name": "Lao động – Thương binh và Xã hội",
     "name_en": "Labour, invalids and social affairs", "prefix": "F"},
]


def yaml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def services_yaml(services):
    """The `services:` section for a list of service dictionaries."""
    lines = ["services:"]
    for service in services:
        first = True
        for key, value in service.items():
            lines.append(("  - " if first else "    ") + f"{key}: {yaml_value(value)}")
            first = False
    return "\n".join(lines) + "\n"


DEMO_SERVICES = services_yaml(DEMO_SERVICE_LIST)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class Daemon:
    """A running `motcua serve --demo` with its own state directory, HTTP port and control socket."""

    def __init__(self, state_dir: Path, port: int, config: Path, launcher=()):
        self.state_dir = state_dir
        self.port = port
        self.config = config
        # A program the daemon runs under, e.g. umockdev-run with mocked input devices.
        self.launcher = list(launcher)
        self.control_socket = state_dir / "control.sock"
        self.log_path = state_dir / "daemon.log"
        self.process = None

    @property
    def workflow_socket(self):
        """The embedded workflow core's socket (`serve --demo` without `workflow.socket`)."""
        return self.state_dir / "workflow.sock"

    def demo_codes(self):
        """The demo dossiers the embedded core seeded: {status code: dossier code}, 1–10."""
        return demo_codes(self.log_path, self.workflow_socket)

    def wait_linked(self, timeout=10):
        """Waits until the daemon's link to the workflow core is up (a core sends display notices only
        to a daemon connected at that moment)."""
        deadline = time.monotonic() + timeout
        while "workflow core connected" not in self.log_path.read_text(errors="replace"):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the daemon did not connect to the workflow core in {timeout} s:\n{self.log()}")
            time.sleep(0.05)
        return self

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        return self.base + path

    def start(self, timeout=20):
        assert BINARY.exists(), f"{BINARY} is missing: build it first (make test does)"
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            self.launcher + [str(BINARY), "serve", "--demo", "--config", str(self.config), "--state-dir", str(self.state_dir),
             "--http", f"127.0.0.1:{self.port}"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"daemon exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url("/readyz"), timeout=1) as r:
                    if r.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.05)
        raise RuntimeError(f"daemon not ready after {timeout} s:\n{self.log()}")

    def kill(self):
        """SIGKILL, as a power cut or a crash would."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self):
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def cli(self, *args, check=True):
        """Runs a control subcommand with --json; returns the parsed answer (None when empty)."""
        command = [str(BINARY), *args, "--control-socket", str(self.control_socket), "--json"]
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} exited {done.returncode}: {done.stderr}")
        return json.loads(done.stdout) if done.stdout.strip() else None

    def api(self, method, path, body=None, token=None):
        """Calls the HTTP API; returns the parsed body (None for 204); raises ApiError otherwise."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url(path), data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", "Bearer " + token)
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                text = r.read().decode()
                return json.loads(text) if text else None
        except urllib.error.HTTPError as e:
            raise ApiError(e.code, e.read().decode(errors="replace")) from None

    def clerk(self, name, counter, password="matkhau-moi-123"):
        """Creates a clerk of `counter`; returns (name, one-time password, the password to change to)."""
        made = self.cli("user", "add", name, "--role", "clerk", "--counter", str(counter))
        return name, made["password"], password

    def admin(self, name="quantri", password="matkhau-moi-123"):
        made = self.cli("user", "add", name, "--role", "admin")
        return name, made["password"], password


def core(socket_path, *args):
    """Runs `motcua workflow ARGS --socket SOCKET --json` against a workflow core; returns the parsed answer."""
    command = [str(BINARY), "workflow", *args, "--socket", str(socket_path), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise RuntimeError(f"workflow {' '.join(args)} exited {done.returncode}: {done.stderr}{done.stdout}")
    return json.loads(done.stdout) if done.stdout.strip() else None


def core_dossier(socket_path, code):
    """The whole dossier as the core keeps it (with the applicant's full name), from `workflow get`."""
    return core(socket_path, "get", code)


def core_transition(socket_path, code, status_code):
    """Moves a dossier to a national status through the core, as a clerk's workflow system would."""
    return core(socket_path, "transition", code, str(status_code))


def demo_codes(log_path, socket_path, timeout=10):
    """The demo dossiers' codes from a `codes=A, B, …` log line (one per status, in status order), each
    checked against the core: {status code: dossier code}."""
    deadline = time.monotonic() + timeout
    line = None
    while line is None:
        text = Path(log_path).read_text(encoding="utf-8", errors="replace") if Path(log_path).exists() else ""
        line = next((l for l in text.splitlines() if "codes=" in l), None)
        if line is None:
            assert time.monotonic() < deadline, f"no codes= line in {log_path}:\n{text[-2000:]}"
            time.sleep(0.1)
    listed = line.split("codes=", 1)[1].split(" [", 1)[0]
    codes = [code.strip() for code in listed.split(",")]
    assert len(codes) == 10, line
    by_status = {}
    for status, code in enumerate(codes, start=1):
        found = core_dossier(socket_path, code)["status"]
        assert found == status, f"demo dossier {code} is in status {found}, not {status} as its place in the log says"
        by_status[status] = code
    return by_status


class WorkflowCore:
    """An external reference workflow core, `motcua workflow serve --demo`, in its own process."""

    def __init__(self, state_dir: Path):
        self.state_dir = state_dir
        self.socket = state_dir / "workflow.sock"
        self.log_path = state_dir / "workflow.log"
        self.process = None

    def start(self, timeout=20):
        assert BINARY.exists(), f"{BINARY} is missing: build it first (make test does)"
        self.state_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(
            [str(BINARY), "workflow", "serve", "--demo", "--state-dir", str(self.state_dir), "--socket", str(self.socket)],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"workflow core exited with {self.process.returncode}:\n{self.log()}")
            if self.socket.exists() and "listening" in self.log():
                return self
            time.sleep(0.05)
        raise RuntimeError(f"workflow core not listening after {timeout} s:\n{self.log()}")

    def demo_codes(self):
        return demo_codes(self.log_path, self.socket)

    def kill(self):
        """SIGKILL: the core is down, as after a crash."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)

    def log(self):
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""


@pytest.fixture
def state_dir():
    folder = Path(tempfile.mkdtemp(prefix="motcua-browser-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def start_daemon(state_dir, config_text=None, launcher=()):
    """A daemon on a free port with this configuration (default: CONFIG and the demo's services), under
    `launcher` if given."""
    config = state_dir / "motcua.yaml"
    config.write_text(config_text if config_text is not None else CONFIG + DEMO_SERVICES, encoding="utf-8")
    return Daemon(state_dir, free_port(), config, launcher).start()


@pytest.fixture
def daemon(state_dir):
    """The demo office, open around the clock."""
    d = start_daemon(state_dir)
    yield d
    d.stop()


def make_browser(width=1366, height=768, lang="vi", autoplay=True):
    """Headless Chromium at that size. `autoplay`: sound without a tap first, as a kiosk or TV browser
    started with --autoplay-policy=no-user-gesture-required plays it."""
    options = Options()
    options.binary_location = CHROMIUM
    policy = "no-user-gesture-required" if autoplay else "document-user-activation-required"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", f"--lang={lang}",
                     f"--autoplay-policy={policy}", "--hide-scrollbars",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER, env={**os.environ, "TMPDIR": BROWSER_TMP}), options=options)
    driver.set_page_load_timeout(20)
    # Headless Chromium keeps part of --window-size for its invisible frame (a 1366×768 window shows a
    # 1366×625 page): give the page the whole screen, as a kiosk in full-screen mode has.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    return driver


@pytest.fixture
def browser(request):
    """Chromium at 1366×768 (the touch kiosk)."""
    driver = make_browser()
    yield driver
    fail_shot(request, driver)
    driver.quit()


@pytest.fixture
def tv_browser(request):
    """Chromium at 1920×1080 (the hall TV)."""
    driver = make_browser(1920, 1080)
    yield driver
    fail_shot(request, driver)
    driver.quit()


@pytest.fixture
def browser_factory(request):
    """More browsers in one test (a kiosk and a display side by side): make(width, height)."""
    drivers = []

    def make(width=1366, height=768):
        driver = make_browser(width, height)
        drivers.append(driver)
        return driver

    yield make
    for i, driver in enumerate(drivers):
        fail_shot(request, driver, suffix=f"-{i}")
        driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


def fail_shot(request, driver, suffix=""):
    """On a failure, keep what the browser showed and what its console said."""
    report = getattr(request.node, "rep_call", None)
    if report is None or not report.failed:
        return
    name = "FAILED-" + request.node.name + suffix
    try:
        screenshot(driver, name)
        console = "\n".join(f"{e['level']} {e['message']}" for e in driver.get_log("browser"))
        (SCREENSHOTS / (name + ".console.txt")).write_text(console, encoding="utf-8")
    except Exception:  # noqa: BLE001 - the test already failed; this is only evidence
        pass


def screenshot(driver, name):
    """Saves artifacts/screenshots/NAME.png; returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / (name + ".png")
    driver.save_screenshot(str(path))
    return path


def wait_for(driver, condition, timeout=10, message=""):
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition, message)


def visible(driver, css, timeout=10):
    return wait_for(driver, EC.visibility_of_element_located((By.CSS_SELECTOR, css)), timeout, f"{css} not visible")


# Chromium logs every non-2xx answer to fetch() as a console error, even when the page handles it (the 401
# of GET /api/v1/me before sign-in, a lookup's 400 or 503): those are answers, not script errors.
_ANSWER_LOG = "Failed to load resource: the server responded with a status of"


def console_errors(driver, include_answers=False):
    """The page's JavaScript errors (SEVERE console entries), which a test should see none of.
    Handled non-2xx answers are left out unless `include_answers`."""
    return [e["message"] for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and (include_answers or _ANSWER_LOG not in e["message"])]


def sign_in(driver, daemon, path, who):
    """Opens `path`, signs in with the one-time password and sets the new one, as a person would."""
    name, one_time, new = who
    driver.get(daemon.url(path))
    visible(driver, "#signin-form #signin-name").send_keys(name)
    driver.find_element(By.ID, "signin-password").send_keys(one_time)
    driver.find_element(By.ID, "signin-submit").click()
    visible(driver, "#signin-form #signin-new").send_keys(new)
    driver.find_element(By.ID, "signin-current").send_keys(one_time)
    driver.find_element(By.ID, "signin-repeat").send_keys(new)
    driver.find_element(By.ID, "signin-submit").click()
    # Changing the password ends the session: sign in again with the new password.
    field = visible(driver, "#signin-form #signin-name")
    field.send_keys(name)
    driver.find_element(By.ID, "signin-password").send_keys(new)
    driver.find_element(By.ID, "signin-submit").click()
    wait_for(driver, lambda d: not d.find_elements(By.CSS_SELECTOR, ".signin-overlay"), 10, "sign-in did not finish")
