"""Browser tests: Debian's Chromium driven by Playwright against a real server process.

The server runs `manage.py runserver` on its own SQLite file loaded with seed_demo, so
the tests see exactly what `make run` serves (STACK-FACTS: live_server's rollback does not
mix with an open Playwright page). The demo database is seeded once per test run (into the
run's migrated database, tests/migrated_database.py), in the background while the other
tests run; every worker's server gets its own copy.
Screenshots go to test-artifacts/screenshots/.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.migrated_database import built_once, copy_database, manage, migrated, shared_dir

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DEMO_PASSWORD = "xanh-2022"
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


def _skip_reason():
    if not Path(CHROMIUM).exists():
        return "Debian's chromium is not installed (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _skip_reason()
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def pytest_collection_finish(session):
    """Once `-m` and `-k` have chosen the tests: start the demo build if browser tests will run."""
    first_worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0") == "gw0"
    if first_worker and not _skip_reason() and any(item.get_closest_marker("browser") for item in session.items):
        _start_demo_build(session.config)


def _start_demo_build(config):
    """Build the demo database in the background while the other tests run: browser tests
    run last, and seeding takes about 20 s that every worker would otherwise wait for."""
    code = "import sys, pathlib; from tests.e2e.conftest import demo_database; demo_database(pathlib.Path(sys.argv[1]))"
    builder = subprocess.Popen(
        [sys.executable, "-c", code, str(shared_dir(config))],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    config.add_cleanup(lambda: builder.poll() is None and builder.kill())


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Site:
    def __init__(self, url, env):
        self.url = url
        self.env = env

    def manage(self, *args):
        """Run a management command against the server's database (to check what changed)."""
        return subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120
        )

    def count(self, model: str) -> int:
        code = f"from django.apps import apps; print(apps.get_model('{model}').objects.count())"
        result = self.manage("shell", "-c", code)
        return int(result.stdout.strip().splitlines()[-1])


def _server_env(db_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{db_path}",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    env.pop("CELERY_BROKER_URL", None)
    return env


def demo_database(folder: Path) -> Path:
    """The run's migrated database with seed_demo loaded: the first caller seeds it (about
    20 s) under a file lock, the others wait for it and copy it."""

    def seed(path):
        copy_database(migrated(folder), path)
        manage(path, "seed_demo", settings="config.settings.dev")

    return built_once(folder / "demo.sqlite3", seed)


@pytest.fixture(scope="session")
def live_site(request, tmp_path_factory):
    if _skip_reason():
        pytest.skip(_skip_reason())
    db_path = tmp_path_factory.mktemp("e2e") / "e2e.sqlite3"
    copy_database(demo_database(shared_dir(request.config)), db_path)
    env = _server_env(db_path)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/accounts/login/", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the test server did not start")
    yield Site(url, env)
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if _skip_reason():
        pytest.skip(_skip_reason())
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; Django would then refuse
    # database calls of later tests as "async" (STACK-FACTS). Browser tests also run last.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield TrackingBrowser(browser)
        browser.close()


class TrackingBrowser:
    """The Playwright browser whose every context, the tests' own included, records its
    requests in flight for `settle` (Playwright's objects cannot be patched in place)."""

    def __init__(self, browser):
        self._browser = browser

    def __getattr__(self, name):
        return getattr(self._browser, name)

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        in_flight = set()
        # Playwright tags each handler with an attribute: plain functions, not bound builtins.
        context.on("request", lambda request: in_flight.add(request))
        context.on("requestfinished", lambda request: in_flight.discard(request))
        context.on("requestfailed", lambda request: in_flight.discard(request))
        context.in_flight = in_flight
        return context


def settle(page, quiet_ms=100, timeout_ms=15_000):
    """Wait for the load event, then until the page's context has had no request in flight
    for `quiet_ms` (autosave, htmx and the admin's fetches included).

    Playwright's "networkidle" asks for 500 ms of silence, on every call even when the page
    is long idle; for these server-rendered pages a 100-ms window after load is enough."""
    page.wait_for_load_state("load")
    in_flight = page.context.in_flight
    quiet = waited = 0
    while quiet < quiet_ms and waited < timeout_ms:
        page.wait_for_timeout(25)
        waited += 25
        quiet = 0 if in_flight else quiet + 25


@pytest.fixture(params=sorted(WIDTHS))
def page(request, browser):
    """A fresh page (new cookies) at phone and desktop widths; param id is the width name."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}-{page.width_name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page, site, username, password=DEMO_PASSWORD):
    page.goto(site.url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    settle(page)


def open_menu_if_collapsed(page):
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        page.locator("#main-nav.show").wait_for()


@pytest.fixture(autouse=True)
def _no_db_needed():
    """Browser tests talk to the server process; they never touch the test database."""
    yield


def clean_artifacts():
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
