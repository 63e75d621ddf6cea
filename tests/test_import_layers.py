"""Imports run one way: between apps (home < schools < audits, contests), inside each app
(enums < models < rules/selectors/services/tasks < forms < views), with no cycle and no
import of the project's own modules inside a function (AppConfig.ready excepted: Django
wants apps to register themselves there)."""

from pathlib import Path

from tests.layering import APP_RANKS, cycles, read_graph, upward_imports

ROOT = Path(__file__).resolve().parent.parent


def _graph():
    return read_graph(ROOT, tuple(APP_RANKS))


def test_no_import_cycle_between_the_project_modules():
    assert cycles(_graph()) == []


def test_imports_go_down_between_apps_and_layers():
    assert upward_imports(_graph()) == []


def test_no_project_import_inside_a_function():
    assert _graph().deferred == []


def _plant(tmp_path, files: dict) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_the_check_finds_a_planted_cycle_upward_import_and_deferred_import(tmp_path):
    root = _plant(
        tmp_path,
        {
            "home/__init__.py": "",
            "home/a.py": "from home.b import x\n",
            "home/b.py": "from home import a\nx = 1\n",
            "home/models.py": "from home.views import page\n",
            "home/views.py": "def page():\n    from schools.services import go\n",
            "home/apps.py": "class C:\n    def ready(self):\n        from home import a\n",
            "schools/__init__.py": "",
            "schools/services.py": "def go():\n    pass\n",
        },
    )
    graph = read_graph(root, ("home", "schools"))
    assert cycles(graph) == [["home.a", "home.b"]]
    assert upward_imports(graph) == ["home.models:1 imports home.views (a higher layer)"]
    assert graph.deferred == [("home.views", "schools.services", 2)]


def test_the_check_finds_a_lower_app_importing_a_higher_one(tmp_path):
    root = _plant(tmp_path, {"schools/__init__.py": "", "schools/x.py": "import contests.y\n", "contests/y.py": ""})
    graph = read_graph(root, ("schools", "contests"))
    assert upward_imports(graph) == ["schools.x:1 imports contests.y (app contests is not below schools)"]
