"""The architecture of CONTRIBUTING.md, checked: layers, no import circle, no private names across modules.

The layer contract itself is import-linter's (``[tool.importlinter]`` in pyproject.toml, run
by ``make lint``); these tests run it too, show that it catches a planted violation, and
check the rule import-linter cannot say: no module imports another module's private name.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src"
PACKAGE = SRC / "policytext"


def _module_name(path: Path, src: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(src).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def private_imports(root: Path = PACKAGE) -> list[str]:
    """Every import, anywhere in *root*, of a private name or of a private module from outside its package.

    A name is private when it starts with one underscore (dunders are not). A private
    module (``policytext.stats._tokens``, ``policytext._util``) may be imported from its
    own package (``policytext.stats``, ``policytext``) and below, and nowhere else.
    """
    found = []
    for path in sorted(root.rglob("*.py")):
        module, is_package = _module_name(path, root.parent)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[tuple[str, list[str]]] = []
            if isinstance(node, ast.ImportFrom):
                targets.append((_absolute(node, module, is_package), [a.name for a in node.names]))
            elif isinstance(node, ast.Import):
                targets += [(a.name, []) for a in node.names]
            for target, names in targets:  # grows with submodules imported by name
                where = f"{path.relative_to(root.parent)}:{node.lineno}"
                for name in names:
                    as_module = Path(root.parent, *f"{target}.{name}".split("."))
                    if as_module.with_suffix(".py").is_file() or (as_module / "__init__.py").is_file():
                        targets.append((f"{target}.{name}", []))  # a submodule: the module rule below
                    elif name.startswith("_") and not name.startswith("__"):
                        found.append(f"{where}: imports private name {name!r} from {target}")
                parts = target.split(".")
                for i, part in enumerate(parts):
                    if part.startswith("_") and not part.startswith("__"):
                        owner = ".".join(parts[:i])
                        if not (module == owner or module.startswith(owner + ".")):
                            found.append(
                                f"{where}: imports private module {'.'.join(parts[: i + 1])} "
                                f"from outside {owner or 'its package'}"
                            )
                        break
    return found


def test_no_module_imports_another_modules_private_name():
    assert private_imports() == []


def test_the_private_name_check_catches_a_planted_import(tmp_path):
    pkg = tmp_path / "policytext"
    (pkg / "stats").mkdir(parents=True)
    (pkg / "topics").mkdir()
    for f in ("__init__.py", "stats/__init__.py", "topics/__init__.py", "stats/_tokens.py"):
        (pkg / f).write_text("", encoding="utf-8")
    (pkg / "stats" / "keywords.py").write_text("from ._tokens import doc_terms\n", encoding="utf-8")
    (pkg / "topics" / "model.py").write_text(
        "from ..stats._tokens import doc_terms\nfrom ..stats.keywords import _helper\n"
        "from sklearn.decomposition._lda import x\n",
        encoding="utf-8",
    )
    problems = private_imports(pkg)
    assert len(problems) == 3, problems
    assert all("topics/model.py" in p for p in problems)


def _lint_imports(config: Path | None = None, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (it comes with the 'dev' extra: pip install -e '.[dev]')")
    cmd = [exe] + (["--config", str(config)] if config else [])
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=300)


def test_layer_contracts_are_kept():
    r = _lint_imports()
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "BROKEN" not in r.stdout and "KEPT" in r.stdout


def test_layer_contracts_catch_a_planted_violation(tmp_path):
    """A copy of the package in which the corpus layer imports the report layer breaks the contract."""
    copy = tmp_path / "src"
    shutil.copytree(PACKAGE, copy / "policytext", ignore=shutil.ignore_patterns("__pycache__", "data"))
    planted = copy / "policytext" / "corpus" / "text.py"
    planted.write_text(
        planted.read_text(encoding="utf-8") + "\nfrom ..reporting.html import highlight_html  # planted\n",
        encoding="utf-8",
    )
    config = tmp_path / "pyproject.toml"
    config.write_text((REPO / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    env_path = f"{copy}"
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (it comes with the 'dev' extra: pip install -e '.[dev]')")
    r = subprocess.run(
        [exe, "--config", str(config)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
    )
    assert r.returncode != 0, r.stdout[-3000:]
    assert "policytext.corpus.text -> policytext.reporting.html" in r.stdout, r.stdout[-3000:]


def test_no_import_circle_between_subpackages():
    """grimp's graph of the package has no cycle between its top-level subpackages."""
    grimp = pytest.importorskip("grimp", reason="grimp comes with import-linter (the 'dev' extra)")
    graph = grimp.build_graph("policytext", exclude_type_checking_imports=True)
    top = sorted({m.split(".")[1] for m in graph.modules if m.count(".") >= 1})
    edges: dict[str, set[str]] = {t: set() for t in top}
    for m in graph.modules:
        if m.count(".") < 1:
            continue
        for imported in graph.find_modules_directly_imported_by(m):
            if imported.count(".") >= 1:
                a, b = m.split(".")[1], imported.split(".")[1]
                if a != b:
                    edges[a].add(b)
    # the one declared upward edge (Corpus.tokens() without a segmenter) is a function-level import
    edges["corpus"].discard("segment")  # corpus.corpus -> segment.defaults, declared in pyproject.toml
    seen: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(edges[node]):
            assert seen.get(nxt) != 1, f"import circle: {' -> '.join(path + [node, nxt])}"
            if nxt not in seen:
                visit(nxt, path + [node])
        seen[node] = 2

    for t in top:
        if t not in seen:
            visit(t, [])
