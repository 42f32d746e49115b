"""Command-line options shared by several commands."""

from __future__ import annotations

import click

calendar_option = click.option(
    "--calendar", type=click.Choice(["julian-before-1918", "gregorian"]), default="julian-before-1918",
    show_default=True, help="How the collection prints dates before 1918-02-14 (Soviet editions: Old Style).")
