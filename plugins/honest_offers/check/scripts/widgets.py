"""Activity widgets in code (HO602): a module, class or component named as a live activity or
stock counter (``live-viewers``, ``SalesCounter``, ``visitor_count``) whose timer, animation
frame or poll writes to the page. The script is the widget: its count moves by itself
(fetched every few seconds, animated up to a number, drawn at random), and the words that
say what it counts are in the template that mounts it.

A name marks such a widget by the words a class name in the markup does
(``markup_rules.ACTIVITY_WORDS`` and ``ACTIVITY_PAIRS``). An anonymous default export takes
its file's name, as Stimulus controllers, Vue and Svelte components do
(``live_viewers_controller.js`` is the ``live-viewers`` controller).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePosixPath

from tree_sitter import Node

from honest_offers.check import markup_rules as mr
from honest_offers.check.scripts.base import Script
from honest_offers.check.scripts.timers import scheduler_sites
from honest_offers.check.scripts.timing import Timing
from honest_offers.check.scripts.tree import Tree, contains

_ANONYMOUS_EXPORTS = frozenset(
    {"class", "function_expression", "arrow_function", "object", "call_expression"}
)


def activity_widgets(script: Script, timing: Timing) -> None:
    """Timers that write to the page inside a widget named for activity or stock."""
    tree = script.tree
    widgets = _named_widgets(script)
    if not widgets:
        return
    for call, callback, _ in scheduler_sites(tree):
        scope = next((w for w in widgets if contains(w[0], call)), None)
        if scope is None:
            continue
        if timing.dom_writes(tree.expand(tree.callback(callback))):
            script.add(mr.ACTIVITY_MARKUP, call, scope[1])


def _named_widgets(script: Script) -> list[tuple[Node, str]]:
    """(scope, name) of the classes and the module whose names mark an activity widget."""
    tree = script.tree
    found = []
    for name, nodes in tree.classes.items():
        if _activity_name(name):
            found += [(node, name) for node in nodes]
    if _activity_name(script.module) and (script.svelte or _anonymous_export(tree)):
        found.append((tree.root, script.module))
    return found


def module_name(path: str) -> str:
    """The file stem of ``path`` when it names an activity widget or a countdown, else ""
    (most files: the check caches scripts by content and this name)."""
    parts = [part for part in path.replace("\\", "/").split("/") if part not in ("", ".")]
    return _module_of(parts[-1] if parts else "")


@lru_cache(maxsize=1024)
def _module_of(name: str) -> str:
    """:func:`module_name` of a file name (cached by name: a site's pages are all called
    ``index.html``, each in its own folder)."""
    stem = PurePosixPath(name).stem
    return stem if _activity_name(stem) or mr.says_countdown(stem) else ""


def _activity_name(name: str) -> bool:
    return mr.has_marker(mr.name_words(name), mr.ACTIVITY_WORDS, mr.ACTIVITY_PAIRS)


def _anonymous_export(tree: Tree) -> bool:
    """``export default class extends …``, ``export default { … }``, ``export default
    defineComponent({ … })``: a module named only by its file."""
    for node in tree.root.named_children:
        if node.type != "export_statement" or not any(c.type == "default" for c in node.children):
            continue
        value = next((c for c in node.named_children if c.type in _ANONYMOUS_EXPORTS), None)
        if value is not None:
            return value.type != "class" or value.child_by_field_name("name") is None
    return False
