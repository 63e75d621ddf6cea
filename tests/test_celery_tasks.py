"""A Celery worker autodiscovers each app's `tasks.py` only: every task module must be
reachable from it, or a real worker refuses the task as unregistered."""

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APPS = ["home", "schools", "audits", "contests"]

WORKER_VIEW = """
import json, os, sys
sys.path[:0] = ['.', 'site']
os.environ['DJANGO_SETTINGS_MODULE'] = 'config.settings.test'
import django
django.setup()
from config.celery import app
app.loader.import_default_modules()
print(json.dumps(sorted(name for name in app.tasks if not name.startswith('celery.'))))
"""


def _declared_tasks():
    for app in APPS:
        for path in sorted((ROOT / app).glob("tasks*.py")):
            tree = ast.parse(path.read_text())
            for node in tree.body:
                if isinstance(node, ast.FunctionDef) and any(
                    getattr(d, "id", None) == "shared_task"
                    or getattr(getattr(d, "func", None), "id", None) == "shared_task"
                    for d in node.decorator_list
                ):
                    yield f"{app}.{path.stem}.{node.name}"


def test_worker_registers_every_declared_task():
    declared = set(_declared_tasks())
    output = subprocess.run(
        [sys.executable, "-c", WORKER_VIEW], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    registered = set(json.loads(output.strip().splitlines()[-1]))
    assert declared, "no task found: the scan is broken"
    assert declared - registered == set()
