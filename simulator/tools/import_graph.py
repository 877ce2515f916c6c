"""Prints the import graph of kafkasim and checks its two layering rules.

    python simulator/tools/import_graph.py            # graph by layer, then the check
    python simulator/tools/import_graph.py --modules  # one line per module and what it imports

Rules (see simulator/kafkasim/ARCHITECTURE.md):
1. No module imports a layer above its own.
2. Siblings on one layer stay apart: no client module imports a broker module (nor the reverse),
   and scenarios and runner do not import each other.
Only imports inside kafkasim count; the standard library is free for everyone. Exit code 1 when a
rule is broken.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kafkasim"

# (layer, part) per top-level name inside kafkasim; a part is a package or a module.
LAYERS = {
    "kernel": 0, "events": 0,
    "errors": 1, "protocol": 1, "topic_config_table": 1,
    "broker": 2, "clients": 2,
    "kafka": 3,
    "scenarios": 4, "runner": 4,
    "groups4": 4,   # the page's controls for the Kafka 4.x groups, composing broker and clients
    "cluster": 5, "snapshot": 5,

    "labor": 6, "__main__": 6, "__init__": 6,
}
# Parts on the same layer that must not import each other.
APART = [{"broker", "clients"}, {"scenarios", "runner"}]


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def part_of(module: str) -> str:
    """kafkasim.broker.log → broker; kafkasim → __init__."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(path: Path, module: str) -> set[str]:
    """The kafkasim modules `path` imports (absolute and relative), as dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "kafkasim")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "kafkasim":
                continue
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                # `from . import errors` names a module; `from .log import Log` names a member.
                out.add(candidate if _exists(candidate) else target)
    out.discard(module)
    return out


def _exists(module: str) -> bool:
    rel = Path(*module.split(".")[1:]) if "." in module else Path()
    base = PACKAGE / rel
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def graph() -> dict[str, set[str]]:
    edges = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        edges[module] = imports_of(path, module)
    return edges


def violations(edges: dict[str, set[str]]) -> list[str]:
    found = []
    for module, targets in sorted(edges.items()):
        src = part_of(module)
        if src not in LAYERS:
            found.append(f"{module}: belongs to no layer (add it to LAYERS in {Path(__file__).name})")
            continue
        for target in sorted(targets):
            dst = part_of(target)
            if dst not in LAYERS:
                found.append(f"{module} -> {target}: target belongs to no layer")
            elif LAYERS[dst] > LAYERS[src]:
                found.append(f"{module} -> {target}: imports a higher layer "
                             f"({dst} {LAYERS[dst]} above {src} {LAYERS[src]})")
            elif src != dst and any({src, dst} == pair for pair in APART):
                found.append(f"{module} -> {target}: {src} and {dst} must stay apart")
    return found


def layer_graph(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    parts = defaultdict(set)
    for module, targets in edges.items():
        src = part_of(module)
        parts[src]
        for target in targets:
            dst = part_of(target)
            if dst != src:
                parts[src].add(dst)
    return parts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--modules", action="store_true", help="print every module's imports")
    args = parser.parse_args(argv)
    edges = graph()
    if args.modules:
        for module, targets in sorted(edges.items()):
            print(f"{module}: {', '.join(sorted(targets)) or '-'}")
    else:
        parts = layer_graph(edges)
        for part in sorted(parts, key=lambda p: (LAYERS.get(p, 99), p)):
            below = ", ".join(sorted(parts[part], key=lambda p: (LAYERS.get(p, 99), p))) or "-"
            print(f"{LAYERS.get(part, '?')!s:>2} {part:<18} -> {below}")
    found = violations(edges)
    print()
    if found:
        print(f"{len(found)} violations of the layering:")
        for line in found:
            print("  " + line)
        return 1
    print(f"{len(edges)} modules, layering kept.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
