"""`clerk serve [--host 127.0.0.1] [--port 8000]`: the same app in a web browser, through textual-serve.

For colleagues without a terminal. Each browser tab runs its own `clerk --db PATH` on this
machine, on the same database file, so what one colleague records the others see when
their pane reloads. Bound to this computer (127.0.0.1) unless --host says otherwise; any
other address lets anyone who can reach it on the network open the committee's data, so
clerk says so before it starts.
"""

from __future__ import annotations

import argparse
import shlex
import socket
import sys
from pathlib import Path

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def add_parser(commands, epilog: str) -> None:
    parser = commands.add_parser(
        "serve", epilog=epilog, help="open clerk in a web browser (for colleagues without a terminal)",
        description="Serve the app to web browsers with textual-serve: each browser tab runs its own clerk "
                    "on the same database. Stop it with ctrl+c.",
    )
    parser.add_argument("--host", default="127.0.0.1", metavar="ADDRESS",
                        help="the address to listen on (default 127.0.0.1: this computer only)")
    parser.add_argument("--port", type=int, default=8000, metavar="NUMBER", help="the port to listen on (default 8000)")
    parser.add_argument("--db", type=Path, dest="sub_db", metavar="PATH", help="the SQLite database file")


def session_command(db_path: Path) -> str:
    """The shell command textual-serve runs for each browser session: clerk on this database."""
    return f"{shlex.quote(sys.executable)} -m tui.cli --db {shlex.quote(str(db_path))}"


def warning_for(host: str) -> str | None:
    if host in LOCAL_HOSTS:
        return None
    return (f"clerk: warning: serving on {host}: anyone who can reach this computer on the network can open "
            "the committee's data, including exempt (private) items. Use --host 127.0.0.1 to keep it to "
            "this computer.")


def run(args: argparse.Namespace, db_path: Path, server_class=None) -> int:
    from store import Store

    db_path = db_path.expanduser().resolve()
    Store(db_path).close()  # create or upgrade it now, so a bad file is reported here, not in the browser
    warning = warning_for(args.host)
    if warning:
        print(warning, file=sys.stderr)
    if server_class is None:  # tests pass their own, to see what would be served
        from textual_serve.server import Server

        server_class = Server
    url_host = _browser_host(args.host)
    server = server_class(session_command(db_path), host=args.host, port=args.port,
                          title=f"clerk — {db_path.name}", public_url=f"http://{url_host}:{args.port}")
    server.serve()
    return 0


def _browser_host(host: str) -> str:
    """The host name browsers use for the page's own links (the websocket, the scripts)."""
    if host in ("0.0.0.0", "::", ""):  # every interface: colleagues reach it by this computer's name
        host = socket.gethostname()
    return f"[{host}]" if ":" in host else host
