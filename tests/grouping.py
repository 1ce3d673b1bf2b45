"""Which tests of `make test` (``-n 2 --dist loadgroup``) run on one xdist worker.

A module whose tests share a module-scoped fixture (a build, a browser run) is one group, so
that the fixture is made once: without a group, loadgroup hands its tests out one by one to
whichever worker is free, and each worker that gets one makes the fixture again (the
agreement module's builds and browser runs, twice). xdist hands the larger groups out first,
then the single tests, which even out the workers at the end.

The group is written into the test's node id (``…::test@group``), as xdist's own hook does
for ``xdist_group`` marks. Under pytest 9.2 xdist's hook no longer changes the id
(pytest-xdist issue 1386: pytest keeps a structured id), so every group was silently
ignored; here the id is set in either form.
"""

from __future__ import annotations

import pytest


@pytest.hookimpl(trylast=True)  # after xdist's own hook, which may have named the group
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not getattr(config.option, "loadgroup", False):  # set on xdist's workers only
        return
    for item in items:
        if item.get_closest_marker("xdist_group") is None and _shares_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
        names = sorted(
            {
                str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                for m in item.iter_markers("xdist_group")
            }
        )
        if names and "@" not in item.nodeid.rsplit("]", 1)[-1]:
            _rename(item, f"{item.nodeid}@{'_'.join(names)}")


def _shares_module_fixture(item: pytest.Item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(d.scope == "module" for defs in info.name2fixturedefs.values() for d in defs)


def _rename(item: pytest.Item, nodeid: str) -> None:
    """The node id xdist's scheduler reads: a structured id since pytest 9.2, else a string."""
    if hasattr(item, "_id"):
        from _pytest.nodeid import NodeId  # pytest >= 9.2

        setattr(item, "_id", NodeId.parse(nodeid))  # noqa: B010 (a private attribute)
    else:
        setattr(item, "_nodeid", nodeid)  # noqa: B010
