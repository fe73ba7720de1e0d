"""A small driver for headless Chromium over the DevTools protocol (aiohttp's websocket client, which
textual-serve already brings): start the browser, open a page, press keys, type, evaluate JavaScript."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import aiohttp

# Keys as Chromium's Input.dispatchKeyEvent wants them: key, code, Windows key code.
KEYS = {"enter": ("Enter", "Enter", 13, "\r"), "escape": ("Escape", "Escape", 27, "")}
CTRL = 2


def wait_for_http(url: str, deadline: float) -> bytes:
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return response.read()
        except OSError as error:
            last = error
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer: {last}")


class Browser:
    def __init__(self, executable: str, profile: Path, port: int) -> None:
        self.port = port
        self.process = subprocess.Popen(
            [
                executable,
                "--headless=new",
                "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",  # offline: no update or safe-browsing requests
                f"--remote-debugging-port={port}",
                f"--user-data-dir={profile}",
                "--window-size=1280,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.session: aiohttp.ClientSession | None = None
        self.socket: aiohttp.ClientWebSocketResponse | None = None
        self.ids = itertools.count(1)

    async def open(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        targets = json.loads(wait_for_http(f"http://127.0.0.1:{self.port}/json/list", deadline))
        page = next(t for t in targets if t["type"] == "page")
        self.session = aiohttp.ClientSession()
        self.socket = await self.session.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)

    async def send(self, method: str, **params: Any) -> dict:
        assert self.socket is not None
        number = next(self.ids)
        await self.socket.send_str(json.dumps({"id": number, "method": method, "params": params}))
        while True:  # events arrive in between; the answer carries our id
            message = json.loads((await self.socket.receive(timeout=30)).data)
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float = 30) -> Any:
        """Poll a JavaScript expression until it is truthy (bounded: fails after `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.2)
        raise TimeoutError(f"waited {timeout} s for {expression}")

    async def press(self, key: str, ctrl: bool = False) -> None:
        if key in KEYS:
            name, code, keycode, text = KEYS[key]
        else:
            name, code, keycode, text = key, f"Key{key.upper()}", ord(key.upper()), key
        modifiers = CTRL if ctrl else 0
        down: dict[str, Any] = {"key": name, "code": code, "windowsVirtualKeyCode": keycode, "modifiers": modifiers}
        if text and not ctrl:
            down["text"] = text
        await self.send("Input.dispatchKeyEvent", type="keyDown", **down)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=name, code=code, modifiers=modifiers)

    async def type(self, text: str) -> None:
        await self.send("Input.insertText", text=text)

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()
        if self.session is not None:
            await self.session.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
