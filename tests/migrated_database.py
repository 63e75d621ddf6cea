"""One migrated SQLite database per test run, copied into every worker's test database.

Running all migrations takes about 20 s of CPU, and every xdist worker (and the browser
tests' demo server) used to pay it. Now `manage.py migrate` runs once per run, into a file
in a folder all workers share, under a file lock: the first caller builds it, the others
wait and copy it. The copy goes through SQLite's backup API into the worker's in-memory
test database, as Django's own parallel test runner clones SQLite databases.
"""

import fcntl
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir(config) -> Path:
    """A folder all xdist workers of this run share: the parent of their own base temp."""
    base = config._tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(target: Path, build) -> Path:
    """`target`, made by `build(path)` by the first caller of this run; the others wait for it."""
    with open(target.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not target.exists():
            building = target.with_name(f"building-{target.name}")
            building.unlink(missing_ok=True)  # what a killed builder left
            build(building)
            building.rename(target)
    return target


def manage(database: Path, *args, settings="config.settings.test"):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings, "DATABASE_URL": f"sqlite:///{database}"}
    env.pop("CELERY_BROKER_URL", None)
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
    # Our settings open SQLite in WAL mode: fold the log back in so the file alone is complete.
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def migrated(folder: Path) -> Path:
    return built_once(folder / "migrated.sqlite3", lambda path: manage(path, "migrate", "--no-input", "-v0"))


def copy_database(source: Path, target):
    """Copy `source` into `target` (a path or an open sqlite3 connection), consistently."""
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src:
        if isinstance(target, sqlite3.Connection):
            src.backup(target)
        else:
            with sqlite3.connect(target) as dst:
                src.backup(dst)
            dst.close()
    src.close()


def load_into_test_database(connection, source: Path):
    """Point `connection` at its in-memory test database and fill it from `source`.

    Returns what Django's `teardown_databases` expects, as `setup_databases` would."""
    old_name = connection.settings_dict["NAME"]
    test_name = connection.creation._get_test_db_name()
    connection.close()
    connection.settings_dict["NAME"] = test_name
    connection.ensure_connection()
    copy_database(source, connection.connection)
    return [(connection, old_name, True)]
