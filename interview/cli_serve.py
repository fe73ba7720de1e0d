"""`interview serve`: the same app in a browser, on this machine, with nothing fetched from elsewhere."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from interview.cli import main, pack_paths, with_packs

WEB_DIR = Path(__file__).resolve().parent / "web"


def app_command(packs: list[Path]) -> str:
    """The command textual-serve runs for each browser session: this interpreter, this app, these packs."""
    return shlex.join([sys.executable, "-m", "interview", *(f"--pack={p.resolve()}" for p in packs)])


@main.command("serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="The port to listen on.")
@click.option(
    "--host", default="localhost", show_default=True, help="Where to listen; other machines cannot reach localhost."
)
@with_packs
@click.pass_context
def serve(ctx: click.Context, port: int, host: str, packs: tuple[Path, ...]) -> None:
    """Serve the app in a browser at http://HOST:PORT (each tab is its own session, on your history).

    The page and its scripts and font come from this machine (textual-serve's files and our own page),
    so it works without a network. Stop it with Ctrl+C.

    \b
    Example:
      interview serve
      interview serve --port 8800 --pack my-pack.yaml
    """
    from textual_serve.server import Server  # aiohttp and jinja: only for this command

    server = Server(
        app_command(pack_paths(ctx, packs)), host=host, port=port, title="interview", templates_path=WEB_DIR
    )
    try:
        server.serve()
    except OSError as error:
        raise click.ClickException(
            f"cannot listen on {host}:{port} ({error.strerror or error}); choose another with --port"
        ) from None
