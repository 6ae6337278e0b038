"""``python -m stretch_app`` runs the command line."""

import sys

from stretch_app.cli import main

sys.exit(main())
