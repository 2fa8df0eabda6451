"""Rewrite README.md's keyboard and command-line references from the code, so they stay true.

    python scripts/readme_reference.py           rewrite the sections between the markers
    python scripts/readme_reference.py --check   exit 1 (and say so) if README.md is stale

The keys are the F1 help screen's own sections (`help_sections()` in tui/dialogs/help.py):
the app's BINDINGS and F5, each pane's `help_sections()`, and the few keys it names by hand.
The commands come from the argparse parser of `clerk` (tui/cli.py, `build_parser`).
Each reference sits between `<!-- NAME:start -->` and `<!-- NAME:end -->` in README.md.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


# markers ----------------------------------------------------------------------------------
def replace_between(text: str, name: str, body: str) -> str:
    """`text` with what lies between `<!-- name:start -->` and `<!-- name:end -->` replaced by `body`
    (blank lines around it, so a table in it ends before the marker)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    pattern = re.compile(re.escape(start) + r"\n.*?" + re.escape(end), re.S)
    if len(pattern.findall(text)) != 1:
        raise ValueError(f"README.md needs exactly one {start} … {end} pair.")
    return pattern.sub(lambda _: f"{start}\n\n{body.strip()}\n\n{end}", text)


def section(text: str, name: str) -> str:
    """What lies between the `name` markers, without them and the blank lines around it."""
    match = re.search(re.escape(f"<!-- {name}:start -->") + r"\n(.*?)" + re.escape(f"<!-- {name}:end -->"),
                      text, re.S)
    if match is None:
        raise ValueError(f"README.md has no <!-- {name}:start --> … <!-- {name}:end --> pair.")
    return match.group(1).strip()


# keys -------------------------------------------------------------------------------------
Row = tuple[str, str, "str | None"]  # (key as shown, description, tooltip)


def key_sections() -> list[tuple[str, list[Row]]]:
    """(title, rows) in the order and words of the F1 help screen (tui/dialogs/help.py)."""
    from tui.dialogs.help import help_sections

    return help_sections()


def keys_markdown() -> str:
    from tui.panes import PANES

    sections = key_sections()
    everywhere = sections[0][1]
    lines = [("Generated from the key bindings, the same source as the F1 screen: "
              "`python scripts/readme_reference.py` rewrites it."), "",
             "**Everywhere**", "", *_key_table(everywhere), ""]
    for pane in PANES:
        prefix = f"{pane.title} pane"
        own = [(title, rows) for title, rows in sections if title.endswith(f" ({pane.key})")]
        if not own:
            continue
        count = sum(len(rows) for _, rows in own)
        lines += [f"<details><summary><b>{pane.key} {pane.title}</b>: {count} keys</summary>", ""]
        for title, rows in own:
            part = title.removesuffix(f" ({pane.key})").removeprefix(prefix).removeprefix(":").strip()
            if part:
                lines += [f"*{part[0].upper()}{part[1:]}*", ""]
            lines += [*_key_table(rows), ""]
        lines += ["</details>", ""]
    form = dict(sections)["In a form"]
    lines += ["**In a form** (every dialog that asks for details):", "", *_key_table(form)]
    return "\n".join(lines) + "\n"


def _key_table(rows: list[Row]) -> list[str]:
    lines = ["| key | what it does |", "|---|---|"]
    for key, description, tooltip in rows:
        text = f"{description} — {tooltip}" if tooltip else description
        lines.append(f"| `{_cell(key)}` | {_text(text)} |")
    return lines


# the command line -------------------------------------------------------------------------
def cli_markdown() -> str:
    from tui.cli import build_parser

    parser = build_parser()
    commands = list(_commands(parser, "clerk"))
    lines = [("Generated from the argument parser, the same source as `--help`: "
              "`python scripts/readme_reference.py` rewrites it."), "",
             "| command | what it does |", "|---|---|"]
    lines += [f"| `{name}` | {_text(summary)} |" for name, summary, _ in commands]
    if parser.epilog:
        lines += ["", _text(parser.epilog)]
    for name, summary, command in commands:
        options = [a for a in command._actions
                   if not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction))]
        lines += ["", f"<details><summary><code>{name}</code></summary>", "",
                  "```", _synopsis(name, options), "```", ""]
        if command.description and command.description != summary:
            lines += [_text(command.description), ""]
        lines += ["| option | what it does |", "|---|---|"]
        lines += [f"| `{_cell(_invocation(a))}` | {_text(_option_help(a))} |" for a in options]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _commands(parser: argparse.ArgumentParser, name: str, summary: str | None = None):
    """(full name, one-line summary, parser) of every command that runs something, depth first."""
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subparsers or not subparsers[0].required:
        yield name, summary or parser.description or "", parser
    for action in subparsers:
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for sub_name, sub in action.choices.items():
            yield from _commands(sub, f"{name} {sub_name}", helps.get(sub_name))


def _metavar(action: argparse.Action) -> str:
    """As argparse shows it: the metavar, else the choices, else the destination's name."""
    if action.metavar is not None:
        return action.metavar
    if action.choices is not None:
        return "{" + ",".join(map(str, action.choices)) + "}"
    return action.dest.upper() if action.option_strings else action.dest


def _argument(action: argparse.Action) -> str:
    metavar = _metavar(action)
    return {"+": f"{metavar} …", "*": f"[{metavar} …]", "?": f"[{metavar}]", 0: ""}.get(action.nargs, metavar)


def _invocation(action: argparse.Action) -> str:
    if not action.option_strings:
        return _argument(action)
    argument = _argument(action)
    return ", ".join(action.option_strings) + (f" {argument}" if argument else "")


def _synopsis(name: str, actions: list[argparse.Action]) -> str:
    words = [name]
    words += [_argument(a) for a in actions if not a.option_strings]
    for action in sorted((a for a in actions if a.option_strings), key=lambda a: not a.required):
        argument = _argument(action)
        word = action.option_strings[0] + (f" {argument}" if argument else "")
        words.append(word if action.required else f"[{word}]")
    return " ".join(words)


def _option_help(action: argparse.Action) -> str:
    text = action.help or ""
    return f"{text} (required)" if action.required and action.option_strings else text


# Markdown ---------------------------------------------------------------------------------
def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _text(text: str) -> str:
    """Plain words for a Markdown table cell or paragraph: nothing read as HTML or a column break."""
    return _cell(" ".join(text.split())).replace("<", "&lt;")


# the command ------------------------------------------------------------------------------
SECTIONS = {"keys": keys_markdown, "cli": cli_markdown}


def updated(readme: str) -> str:
    for name, make in SECTIONS.items():
        readme = replace_between(readme, name, make())
    return readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Rewrite README.md's key and command-line references.")
    parser.add_argument("--check", action="store_true", help="only say whether README.md is up to date (exit 1 if not)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if args.check:
        if new != text:
            print("README.md is stale: run python scripts/readme_reference.py", file=sys.stderr)
            return 1
        print("README.md is up to date.")
        return 0
    if new != text:
        README.write_text(new, encoding="utf-8")
        print("Rewrote the key and command-line references in README.md.")
    else:
        print("README.md was already up to date.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
