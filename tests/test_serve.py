"""`clerk serve`: the app in a web browser through textual-serve.

One server for the module (a real `clerk serve` subprocess on a demo database): the page it
serves is fetched over HTTP, then headless Chromium opens it and the test reads what the
terminal in the page shows. textual-serve draws the terminal with xterm.js on a canvas, so
the text is read from xterm.js's own buffer through the Chrome DevTools protocol (a hook
installed before the page's script runs keeps a reference to the terminal), and a
screenshot is checked for being more than one colour.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest

from store import Store
from store.demo import COMMITTEE, build_demo
from tui import cli_serve

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
DEADLINE = 25  # seconds for Chromium to show the app, well inside the test's budget


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`clerk serve` on a free port with the demo; its URL and database. Stopped, with its sessions, after."""
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "demo.db"
    with Store(db) as store:
        build_demo(store, today=date(2021, 3, 10))
    port = _free_port()
    log = (folder / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "tui.cli", "serve", "--port", str(port), "--db", str(db)],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        started = time.monotonic()
        while True:
            try:
                _get(url)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() - started > 15:
                    log.flush()
                    pytest.fail(f"clerk serve did not start: {(folder / 'serve.log').read_text()}")
                time.sleep(0.1)
        yield url, db, folder
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the server and the clerk it runs for each browser tab
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def test_the_page_is_textual_serves_page_for_clerk_on_this_database(served):
    url, db, _ = served
    status, page = _get(url)
    assert status == 200
    assert 'class="textual-terminal"' in page
    port = url.rsplit(":", 1)[1].strip("/")
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in page
    assert f"clerk — {db.name}" in page  # the title textual-serve shows while the app starts
    status, script = _get(url + "static/js/textual.js")
    assert status == 200 and "xterm" in script


def test_each_browser_session_runs_clerk_on_the_same_database(tmp_path, capsys):
    db = tmp_path / "my committee.db"
    made = []

    class Recorder:
        def __init__(self, command, **options):
            made.append((command, options))

        def serve(self):
            made.append("served")

    args = argparse.Namespace(host="127.0.0.1", port=8123)
    assert cli_serve.run(args, db, server_class=Recorder) == 0
    command, options = made[0]
    assert command == f"{sys.executable} -m tui.cli --db '{db}'"  # quoted: the path has a space
    assert options["host"] == "127.0.0.1" and options["port"] == 8123
    assert made[1] == "served"
    assert db.exists()  # created (and migrated) before serving, so errors show in the terminal
    assert capsys.readouterr().err == ""


def test_a_host_other_than_this_computer_is_warned_about(tmp_path, capsys):
    class Recorder:
        def __init__(self, command, **options):
            self.options = options

        def serve(self):
            pass

    for host in ("127.0.0.1", "localhost", "::1"):
        assert cli_serve.warning_for(host) is None
    cli_serve.run(argparse.Namespace(host="0.0.0.0", port=8000), tmp_path / "c.db", server_class=Recorder)
    err = capsys.readouterr().err
    assert "warning: serving on 0.0.0.0" in err
    assert "anyone who can reach this computer on the network can open the committee's data" in err


def test_the_app_renders_in_headless_chromium(served, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (Debian: apt-get install chromium)")
    url, _, _ = served
    shown, members, pixels = asyncio.run(_browse(url, tmp_path))
    assert "Meetings" in shown and COMMITTEE in shown  # the Meetings pane, its context strip
    assert "1 Meetings" in shown and "9 Members" in shown  # the pane bar
    assert f"Members of the {COMMITTEE}" in members  # key 9 typed in the browser reached the app
    assert "Councillor Joshi" in members  # read from the demo database
    assert (tmp_path / "chromium.png").stat().st_size > 10_000
    assert pixels > 8  # the screenshot shows the app's colours, not one blank colour


# --- a minimal Chrome DevTools protocol client -----------------------------------------------

# Runs before textual-serve's script: keeps the page's terminal object when it is built
# (`this.fitAddon = …` is the first property it sets), so its buffer can be read.
HOOK = """
Object.defineProperty(Object.prototype, 'fitAddon', {
  configurable: true,
  set(value) {
    window.__clerkTerminal = this;
    Object.defineProperty(this, 'fitAddon', {value, writable: true, configurable: true, enumerable: true});
  },
});
"""
READ_SCREEN = """(() => {
  const t = window.__clerkTerminal && window.__clerkTerminal.terminal;
  if (!t) return '';
  const lines = [];
  for (let i = 0; i < t.rows; i++) {
    const line = t.buffer.active.getLine(i);
    lines.push(line ? line.translateToString(true) : '');
  }
  return lines.join('\\n');
})()"""
COUNT_COLOURS = """(async () => {
  const image = new Image();
  image.src = 'data:image/png;base64,%s';
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
  return colours.size;
})()"""


async def _browse(url: str, folder: Path) -> tuple[str, str, int]:
    """Open `url` in headless Chromium; the screen's text, the text after pressing 9, the screenshot's colours."""
    import aiohttp

    profile = folder / "chromium-profile"
    browser = subprocess.Popen(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--remote-debugging-port=0", "--window-size=1280,800",
         # Nothing outside this machine: the page asks Google for a font, which must fail fast.
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    started = time.monotonic()
    try:
        port_file = profile / "DevToolsActivePort"
        while not (port_file.exists() and port_file.read_text().strip()):
            assert browser.poll() is None, "Chromium exited"
            assert time.monotonic() - started < DEADLINE, "Chromium did not open its DevTools port"
            await asyncio.sleep(0.05)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=5) as response:
            targets = json.load(response)
        page = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        async with aiohttp.ClientSession() as session, session.ws_connect(page, max_msg_size=0) as socket_:
            devtools = _DevTools(socket_)
            await devtools.call("Page.enable")
            await devtools.call("Page.addScriptToEvaluateOnNewDocument", source=HOOK)
            await devtools.call("Page.navigate", url=url)
            shown = await devtools.wait_for_screen(lambda text: "9 Members" in text, started)
            await devtools.call("Runtime.evaluate", expression="document.querySelector('.xterm-helper-textarea').focus()")
            await devtools.call("Input.dispatchKeyEvent", type="keyDown", text="9", key="9", code="Digit9")
            await devtools.call("Input.dispatchKeyEvent", type="keyUp", key="9", code="Digit9")
            members = await devtools.wait_for_screen(lambda text: "Councillor Joshi" in text, started)
            shot = (await devtools.call("Page.captureScreenshot", format="png"))["data"]
            (folder / "chromium.png").write_bytes(base64.b64decode(shot))
            pixels = await devtools.evaluate(COUNT_COLOURS % shot, wait=True)
        return shown, members, pixels
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait()
        shutil.rmtree(profile, ignore_errors=True)


class _DevTools:
    def __init__(self, socket_):
        self.socket = socket_
        self.last_id = 0

    async def call(self, method: str, **params) -> dict:
        self.last_id += 1
        await self.socket.send_json({"id": self.last_id, "method": method, "params": params})
        async for message in self.socket:
            reply = json.loads(message.data)
            if reply.get("id") == self.last_id:
                assert "error" not in reply, reply["error"]
                return reply["result"]
        raise AssertionError("Chromium closed the DevTools connection")

    async def evaluate(self, expression: str, wait: bool = False):
        result = await self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=wait)
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    async def wait_for_screen(self, ready, started: float) -> str:
        text = ""
        while time.monotonic() - started < DEADLINE:
            text = await self.evaluate(READ_SCREEN) or ""
            if ready(text):
                return text
            await asyncio.sleep(0.2)
        raise AssertionError(f"the app did not show in Chromium within {DEADLINE} s; the screen held:\n{text}")
