"""`interview serve` without a browser: the command it runs per session, our page, a busy port."""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from interview.cli_serve import WEB_DIR, app_command


def test_each_session_runs_this_interpreter_with_the_packs(tmp_path: Path) -> None:
    pack = tmp_path / "my pack.yaml"
    assert shlex.split(app_command([pack])) == [sys.executable, "-m", "interview", f"--pack={pack.resolve()}"]


def test_our_page_links_nothing_outside_the_server() -> None:
    page = (WEB_DIR / "app_index.html").read_text(encoding="utf-8")
    assert "googleapis" not in page and "https://" not in page
    assert "{{ config.static.url }}fonts/RobotoMono" in page  # the font textual-serve ships


@pytest.mark.slow  # starts the server
def test_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "interview", "serve", "--host", "127.0.0.1", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.stderr
