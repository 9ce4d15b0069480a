"""``openpromotor feasibility evaluate SCENARIO.json``: the engine's command line in the project.

Prints the result as JSON; bad input prints ``{"errors": [...]}`` on stderr and exits with 2,
like ``python -m openpromotor.feasibility.engine.cli``, which does the work.
"""

import contextlib
import io

from django.core.management.base import BaseCommand, CommandError

from openpromotor.feasibility.engine import cli


class Command(BaseCommand):
    help = "Feasibility engine: `feasibility evaluate SCENARIO.json` prints the result as JSON."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["evaluate"])
        parser.add_argument("scenario", help="path of a scenario JSON file")

    def handle(self, *args, **options):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main([options["scenario"]])
        self.stdout.write(out.getvalue(), ending="")
        if code:
            self.stderr.write(err.getvalue(), ending="")
            raise CommandError("the scenario has errors (listed above)", returncode=code)
