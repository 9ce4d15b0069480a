"""``openpromotor feasibility evaluate SCENARIO.json`` and ``openpromotor feasibility compare
SCENARIO.json [MORE.json ...] [--variant KEY ...]``: the engine's command line in the project.

Prints the result as JSON; bad input prints ``{"errors": [...]}`` on stderr and exits with 2,
like ``python -m openpromotor.feasibility.engine.cli``, which does the work.
"""

import argparse
import contextlib
import io

from django.core.management.base import BaseCommand, CommandError

from openpromotor.feasibility.engine import cli


class Command(BaseCommand):
    help = (
        "Feasibility engine: `feasibility evaluate SCENARIO.json` prints the result as JSON; "
        "`feasibility compare SCENARIO.json ... [--variant KEY]` prints a comparison."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=cli.COMMANDS)
        parser.add_argument(
            "arguments", nargs=argparse.REMAINDER, help="the scenario files and options"
        )

    def handle(self, *args, **options):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main([options["action"], *options["arguments"]])
        self.stdout.write(out.getvalue(), ending="")
        if code:
            self.stderr.write(err.getvalue(), ending="")
            raise CommandError("the scenario has errors (listed above)", returncode=code)
