"""The lock (requirements/dev.lock) pins every dependency of the package and its extras.

Every install path (make site, make test, CI) installs from the lock; a dependency added to
pyproject.toml without `make lock` would be missing there (pip's --require-hashes refuses the
install), and a pin outside a range would test versions users cannot get.
"""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.conftest import REPO_ROOT

LOCK = REPO_ROOT / "requirements" / "dev.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def _pins() -> dict[str, Version]:
    text = LOCK.read_text(encoding="utf-8")
    return {canonicalize_name(name): Version(version) for name, version in PIN.findall(text)}


def _requirements() -> list[Requirement]:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = [*project["dependencies"]]
    for extra in project["optional-dependencies"].values():
        lines.extend(extra)
    return [Requirement(line) for line in lines]


def test_every_dependency_is_pinned_within_its_range() -> None:
    pins = _pins()
    for requirement in _requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement.name} is not in {LOCK.name}: run `make lock`"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"{LOCK.name} pins {name}=={pins[name]}, outside {requirement}: run `make lock`"
        )


def test_every_pin_has_a_hash() -> None:
    blocks = re.split(r"\n(?=\S)", LOCK.read_text(encoding="utf-8"))
    pinned = [block for block in blocks if PIN.match(block)]
    assert pinned
    assert all("--hash=sha256:" in block for block in pinned)
