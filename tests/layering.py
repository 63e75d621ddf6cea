"""The import graph of the project's apps, read from their source (no import is run).

Used by tests/test_import_layers.py; kept apart so its tests can run it on a planted tree.
"""

import ast
from dataclasses import dataclass, field
from pathlib import Path

# Apps, lowest first: an app imports only apps below it (audits and contests share a rank).
APP_RANKS = {"home": 0, "schools": 1, "audits": 2, "contests": 2}

# Layers inside an app (STYLE.md), by the module's name or the package it sits in.
# StreamField blocks are part of the models; contests/setup/ holds admin viewsets (views).
LAYER_RANKS = {
    "enums": 0,
    "validators": 0,
    "models": 1,
    "blocks": 1,
    "forms": 3,
    "views": 4,
    "urls": 4,
    "wagtail_hooks": 4,
    "setup": 4,
}
LOGIC = 2  # rules, predicates, selectors, services, jobs, tasks and the rest


@dataclass
class Graph:
    modules: dict = field(default_factory=dict)  # dotted name -> path
    edges: dict = field(default_factory=dict)  # dotted name -> {(imported module, line)}
    deferred: list = field(default_factory=list)  # (module, imported module, line) inside a function


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_ready(node) -> bool:
    """AppConfig.ready(): where Django lets an app import what registers itself."""
    return isinstance(node, ast.FunctionDef) and node.name == "ready"


def read_graph(root: Path, apps) -> Graph:
    graph = Graph()
    for app in apps:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" not in path.parts:
                graph.modules[_module_name(root, path)] = path
    for name, path in graph.modules.items():
        graph.edges[name] = set()
        _walk(graph, name, ast.parse(path.read_text(encoding="utf-8")), apps, in_function=False)
    return graph


def _resolve(graph: Graph, dotted: str) -> str | None:
    while dotted and dotted not in graph.modules:
        dotted = dotted.rpartition(".")[0]
    return dotted or None


def _targets(graph: Graph, node) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level or not node.module:
        return []  # relative imports only appear inside models/ packages
    return [
        f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in graph.modules else node.module
        for alias in node.names
    ]


def _walk(graph: Graph, name: str, node, apps, *, in_function: bool) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            if not _is_ready(child):
                _walk(graph, name, child, apps, in_function=True)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            for target in _targets(graph, child):
                module = _resolve(graph, target)
                if module is None or module.split(".")[0] not in apps or module == name:
                    continue
                if in_function:
                    graph.deferred.append((name, module, child.lineno))
                else:
                    graph.edges[name].add((module, child.lineno))
        _walk(graph, name, child, apps, in_function=in_function)


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(module):
        index[module] = low[module] = counter[0]
        counter[0] += 1
        stack.append(module)
        on_stack.add(module)
        for target, _line in graph.edges[module]:
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in graph.edges:
        if module not in index:
            visit(module)
    return found


def layer_of(module: str) -> int:
    parts = module.split(".")[1:]
    ranks = [LAYER_RANKS[p] for p in parts if p in LAYER_RANKS]
    ranks += [LAYER_RANKS[p.split("_")[0]] for p in parts[-1:] if p.split("_")[0] in LAYER_RANKS]
    return max(ranks) if ranks else LOGIC


def upward_imports(graph: Graph) -> list[str]:
    """Imports against the order: a lower app importing a higher one, or, inside an app,
    a lower layer (models < rules/selectors/services/tasks < forms < views) a higher one."""
    wrong = []
    for module, targets in graph.edges.items():
        app = module.split(".")[0]
        for target, line in sorted(targets):
            other = target.split(".")[0]
            if other != app and APP_RANKS.get(other, -1) >= APP_RANKS.get(app, -1):
                wrong.append(f"{module}:{line} imports {target} (app {other} is not below {app})")
            elif other == app and layer_of(target) > layer_of(module):
                wrong.append(f"{module}:{line} imports {target} (a higher layer)")
    return wrong
