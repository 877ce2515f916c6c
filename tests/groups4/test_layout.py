"""kafkasim.groups4 depends only on the kernel, and its broker and client parts never import each
other: they meet in the messages (as the simulator core's broker/ and clients/ will)."""
from __future__ import annotations

import ast
from pathlib import Path

import kafkasim.groups4 as groups4

PACKAGE = Path(groups4.__file__).parent


def imports(path: Path) -> set[str]:
    module = "kafkasim." + ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                found.add(".".join(base + ([node.module] if node.module else [])))
            elif node.module and node.module.startswith("kafkasim"):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("kafkasim"))
    return found


def test_groups4_depends_only_on_the_kernel():
    for path in PACKAGE.rglob("*.py"):
        for name in imports(path):
            assert name.startswith("kafkasim.groups4") or name == "kafkasim.kernel", (path.name, name)


def test_broker_and_clients_stay_apart():
    for path in (PACKAGE / "broker").rglob("*.py"):
        assert not any(n.startswith("kafkasim.groups4.clients") for n in imports(path)), path.name
    for path in (PACKAGE / "clients").rglob("*.py"):
        assert not any(n.startswith("kafkasim.groups4.broker") for n in imports(path)), path.name
