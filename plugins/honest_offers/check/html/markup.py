"""What a start tag asks of the markup rules (HO601-HO610), worked out once per distinct tag.

Class and id words, data attributes, vendor hosts, component props and handlers, attributes
people read, struck prices, and pre-selected choices (HO604): the rule logic of the HTML
check. The rules' metadata and word lists are data in :mod:`..markup_rules`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from honest_offers.check import markup_rules as mr
from honest_offers.check import vendors
from honest_offers.check.caches import released_at_exit
from honest_offers.check.html.tokenizer import (
    ATTR,
    BLOCK,
    RAW_TEXT,
    RCDATA,
    VOID_ELEMENTS,
    Chunk,
    attributes,
)
from honest_offers.check.phrases import Context
from honest_offers.check.registry import Rule

_LINE_THROUGH = re.compile(r"text-decoration(?:-line)?\s*:[^;]*line-through", re.IGNORECASE)
_META_TEXT = re.compile(r"(?:^|:)(?:description|title|site_name|alt)$")

LABELS = frozenset({"a", "button", "summary", "label", "option"})
LABEL_ROLES = frozenset({"button", "link", "tab", "menuitem", "option", "switch", "checkbox"})
STRUCK = frozenset({"s", "del", "strike"})
ATTRIBUTE_TEXT = frozenset(
    {"alt", "title", "aria-label", "aria-description", "aria-valuetext", "placeholder", "label"}
)
VENDOR_URLS = {"script": "src", "link": "href", "iframe": "src", "img": "src", "embed": "src"}
CONTROLS = frozenset({"input", "select", "textarea", "button"})
CONDITIONAL_ATTRIBUTES = mr.word_set(
    "hidden :hidden [hidden] v-bind:hidden x-show x-if v-if v-else-if v-else v-show "
    "*ngif ng-if ng-show ng-hide ng-switch-when ng-switch-default"
)
"""Attributes that show an element only on a condition (HTML, Alpine.js, Vue, Angular)."""
ANCHORS = mr.word_set("h1 h2 h3 h4 h5 h6 section article a dt summary details")
"""Elements whose id is usually a slug of their heading text (``<h2 id="urgency">``), not a
widget's name; their ids are not read for countdown or activity words."""

Kind = Literal["checkbox", "radio", "option", "switch"]


@dataclass(slots=True)
class Choice:
    """A pre-selected checkbox, radio, option or switch (HO604), or a box that must be ticked
    to go on (HO619), waiting for its label."""

    kind: Kind
    labels: list[list[Chunk]] = field(default_factory=list)
    attribute_labels: list[tuple[str, int]] = field(default_factory=list)
    labelled_by: list[str] = field(default_factory=list)
    id: str = ""
    preselected: bool = True
    required: bool = False


@dataclass(slots=True)
class Tag:
    """A start tag: name, attributes (decoded values) and where its attributes start."""

    name: str
    start: int
    attrs_start: int
    attrs_raw: str
    attrs: dict[str, str]

    def span(self, attribute: str) -> tuple[int, int, str]:
        """Source offsets of ``attribute``'s name and value, and its raw value."""
        for match in ATTR.finditer(self.attrs_raw):
            if match.group(1).lower() == attribute:
                raw = match.group(2) or ""
                value_start = self.attrs_start + match.start(2) if raw else self.attrs_start
                if raw[:1] in "\"'":
                    return self.attrs_start + match.start(), value_start + 1, raw[1:-1]
                return self.attrs_start + match.start(), value_start, raw
        return self.start, self.start, ""


class Plan(NamedTuple):
    """What a start tag with exactly these attributes needs, worked out once per distinct
    tag (pages repeat the same nav items and icons thousands of times)."""

    name: str
    """Lower case."""
    attrs: dict[str, str]
    markers: tuple[tuple[str, Rule, str | None], ...]
    """(attribute, rule, class word or None) for every markup finding on the tag."""
    handlers: tuple[str, ...]
    texts: tuple[tuple[str, Context], ...]
    label: bool
    struck: bool
    label_for: str
    may_choose: bool
    acts: bool
    """Markers, handlers or texts to check."""
    block: bool
    row: bool
    """A table row or cell (:meth:`.walker.Walker.row`)."""
    alternative: bool
    """Shown on a condition (``x-show``, ``v-if``, ``*ngIf``, ``hidden``): one of several
    texts a page shows in turn, such as a plan switcher's monthly and yearly prices."""
    raw_text: bool
    """Raw text or RCDATA: the content up to the end tag is not markup."""
    control: bool
    """A form control or option (ends the text that labels a pre-selected choice)."""
    opens: bool
    """Not void and not self-closing: an element that an end tag closes."""


@lru_cache(maxsize=8192)
def plan_for(tag_name: str, raw: str) -> Plan:
    attrs = attributes(raw) if raw and not raw.isspace() and raw != "/" else {}
    if READ_TEXTS.isdisjoint(attrs) or mr.is_countdown_name(tag_name):
        return _plan(tag_name, raw, attrs)
    # Most tags new on a page are new only by a text they hold (a description, a title):
    # the plan of a tag of the same shape serves, with this tag's attributes.
    shape = (
        tag_name,
        raw.endswith("/"),
        tuple((a, _SOME_TEXT if v and a in READ_TEXTS else v) for a, v in attrs.items()),
    )
    plan = _PLANS_BY_SHAPE.get(shape)
    if plan is None:
        if len(_PLANS_BY_SHAPE) >= _PLANS_BY_SHAPE_MAX:
            _PLANS_BY_SHAPE.clear()
        plan = _PLANS_BY_SHAPE[shape] = _plan(tag_name, raw, attrs)
        return plan
    return plan._replace(attrs=attrs)


READ_TEXTS = ATTRIBUTE_TEXT | {"content"}
"""Attributes whose value is text people read: a plan depends on whether they are empty,
never on what they say (no vendor is named by one: :data:`.vendors.ATTRIBUTE_NAMES`)."""
_SOME_TEXT = "\x00text"
_PLANS_BY_SHAPE: dict[tuple[str, bool, tuple[tuple[str, str], ...]], Plan] = {}
_PLANS_BY_SHAPE_MAX = 4096
released_at_exit(plan_for.cache_clear)
released_at_exit(_PLANS_BY_SHAPE.clear)


def _plan(tag_name: str, raw: str, attrs: dict[str, str]) -> Plan:
    name = tag_name.lower()
    handlers = [
        a
        for a, v in attrs.items()
        if v and ((a[:2] == "on" and a != "onbeforeunload") or a in CODE_ATTRIBUTES)
    ]
    markers = (*_markers(name, attrs), *_component_markers(tag_name, raw, attrs))
    texts = tuple(_texts(name, attrs))
    return Plan(
        name=name,
        attrs=attrs,
        markers=markers,
        handlers=tuple(handlers),
        texts=texts,
        label=name in LABELS or attrs.get("role", "") in LABEL_ROLES,
        struck=name in STRUCK or _looks_struck(attrs),
        label_for=attrs.get("for", "") if name == "label" else "",
        may_choose=name in ("input", "option") or "aria-checked" in attrs,
        acts=bool(markers or handlers or texts),
        block=name in BLOCK,
        row=name in mr.TABLE_CELLS or name == "tr",
        alternative=not CONDITIONAL_ATTRIBUTES.isdisjoint(attrs),
        raw_text=name in RAW_TEXT or name in RCDATA,
        control=name in CONTROLS or name == "option",
        opens=name not in VOID_ELEMENTS and not raw.endswith("/"),
    )


def _markers(name: str, attrs: dict[str, str]) -> list[tuple[str, Rule, str | None]]:
    found: list[tuple[str, Rule, str | None]] = []
    for attribute in ("class", "id") if name not in ANCHORS else ("class",):
        if attrs.get(attribute):
            found += [(attribute, rule, word) for word, rule in _class_hits(attrs[attribute])]
    if attrs.get(CONTROLLER):
        names = " ".join(_CONTROLLER_PARTS.split(attrs[CONTROLLER]))
        found += [(CONTROLLER, rule, word) for word, rule in _class_hits(names)]
    component = _COMPONENT_CALL.match(attrs[ALPINE_DATA]) if ALPINE_DATA in attrs else None
    if component is not None:
        found += [(ALPINE_DATA, rule, word) for word, rule in _class_hits(component.group(1))]
    for attribute, value in attrs.items():
        rule = _data_rule(attribute) if attribute.startswith("data-") else None
        if rule is not None:
            found.append((attribute, rule, None))
        # Only the catalogue's attribute names: a page's long texts (a description) are
        # not lower-cased for nothing.
        vendor = (
            vendors.by_attribute(attribute, value) if attribute in vendors.ATTRIBUTE_NAMES else None
        )
        if vendor is not None:
            found.append((attribute, vendor.markup_rule, None))
    if "onbeforeunload" in attrs:
        found.append(("onbeforeunload", mr.LEAVE_PROMPT, None))
    url_attribute = VENDOR_URLS.get(name, "")
    for _, _, vendor in vendors.references(attrs.get(url_attribute, ""))[:1]:
        found.append((url_attribute, vendor.rule, None))
    return found


CONTROLLER = "data-controller"
"""Names the script controllers of an element (Stimulus: ``data-controller="live-viewers"``):
read like class names."""
_CONTROLLER_PARTS = re.compile(r"[\s/]+|--")
"""What separates controller names and their namespaces (``acme--live-viewers``, a path)."""
ALPINE_DATA = "x-data"
"""Alpine.js: the component an element runs (``x-data="countdownTimer('2030-01-01')"``), its
name read like a class name."""
_COMPONENT_CALL = re.compile(r"\s*([A-Za-z_$][\w$]*)\s*(?:\(|$)")
CODE_ATTRIBUTES = {"x-init": "init"}
"""Attributes other than ``on…`` whose value is code run on the page (Alpine.js's
``x-init``), with the event it runs on."""
_BINDING = re.compile(r"^(?:v-bind:|v-on:|bind:|on:|:|@|\[\(?|\()|\)?\]$|\)$")
"""Binding syntax around a prop or event name: Vue, Svelte, Angular (``[time]``,
``(finished)``)."""
_HANDLER_BINDING = ("@", "v-on:", "on:", "(")


def _component_markers(
    tag_name: str, raw: str, attrs: dict[str, str]
) -> list[tuple[str, Rule, str | None]]:
    """A countdown component given a time (``<vue-countdown :time="ms">``,
    ``<CountdownTimer end-date="…">``): HO601 on the time; a handler at zero that starts it
    again (``@end="restart"``): HO615."""
    if not mr.is_countdown_name(tag_name):
        return []
    props = {_BINDING.sub("", name): name.lower() for name, _ in ATTR.findall(raw)}
    time = next(
        (name for prop, name in props.items() if mr.gives_time(prop, _bound(name, attrs))), None
    )
    if time is None:
        return []
    found: list[tuple[str, Rule, str | None]] = [(time, mr.COUNTDOWN_MARKUP, None)]
    for prop, name in props.items():
        event = f"on-{prop}" if name.startswith(_HANDLER_BINDING) else prop
        value = mr.name_words(attrs.get(name, ""))
        if mr.is_completion(event) and not mr.RESTARTING_CALLS.isdisjoint(value):
            found.append((name, mr.TIMER_RESET, None))
    return found


def _bound(name: str, attrs: dict[str, str]) -> str:
    """The expression bound to a prop (``:value="deadline"``, ``[nzValue]="end"``); "" for a
    literal value."""
    return attrs.get(name, "") if name.startswith(_VALUE_BINDING) else ""


_VALUE_BINDING = ("v-bind:", "bind:", ":", "[")


def _texts(name: str, attrs: dict[str, str]) -> list[tuple[str, Context]]:
    """Attributes whose value people read, with the context to check them in."""
    found: list[tuple[str, Context]] = [
        (a, "attribute") for a, v in attrs.items() if a in ATTRIBUTE_TEXT and v
    ]
    if name == "input" and attrs.get("value"):
        kind = attrs.get("type", "text").lower()
        if kind in ("submit", "button", "reset"):
            found.append(("value", "label"))
        elif kind not in ("hidden", "checkbox", "radio"):
            found.append(("value", "attribute"))
    elif name == "meta" and attrs.get("content") and "http-equiv" not in attrs:
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        if _META_TEXT.search(key):
            found.append(("content", "attribute"))
    return found


def _looks_struck(attrs: dict[str, str]) -> bool:
    """Struck through by an inline style, or a reference-price class (``old-price``)."""
    if "style" in attrs and _LINE_THROUGH.search(attrs["style"]):
        return True
    return _reference_price_class(attrs.get("class", ""))


@lru_cache(maxsize=4096)
def _reference_price_class(value: str) -> bool:
    return any(mr.is_reference_price(c) for c in value.split())


@lru_cache(maxsize=4096)
def _time_unit(name: str) -> str:
    """The unit a class or id names (``days``, ``cd-hours``, ``timerSeconds``), or ""."""
    for word in mr.name_words(name):
        unit = mr.TIME_UNIT_NAMES.get(word)
        if unit:
            return unit
    return ""


_NAME_ATTRIBUTE = re.compile(r"""\s(?:class|id)\s*=\s*(["'])([^"'<>]*)\1""")


def countdown_boxes(html: str) -> tuple[int, str] | None:
    """The first element named for days (offset and name), when elements are named for days,
    hours, minutes and seconds, all four (``<span id="days">``, ``class="timer-seconds"``):
    the boxes of a countdown read-out that a script fills. A clock or a stopwatch has no
    days, a date picker no seconds."""
    if not mr.names_seconds(html):
        return None
    first: dict[str, tuple[int, str]] = {}
    for match in _NAME_ATTRIBUTE.finditer(html):
        for name in match.group(2).split():
            unit = _time_unit(name)
            if unit and unit not in first:
                first[unit] = (match.start(2) + match.group(2).find(name), name)
    if len(first) == len(set(mr.TIME_UNIT_NAMES.values())):
        return first["days"]
    return None


@lru_cache(maxsize=4096)
def _class_hits(value: str) -> list[tuple[str, Rule]]:
    """Class names in ``value`` that mark a countdown, an activity widget or a vendor widget."""
    hits: list[tuple[str, Rule]] = []
    for class_name in value.split():
        words = mr.name_words(class_name)
        if mr.has_marker(words, mr.COUNTDOWN_WORDS, mr.COUNTDOWN_PAIRS):
            hits.append((class_name, mr.COUNTDOWN_MARKUP))
        elif mr.has_marker(words, mr.ACTIVITY_WORDS, mr.ACTIVITY_PAIRS):
            hits.append((class_name, mr.ACTIVITY_MARKUP))
        elif (vendor := vendors.by_class(class_name)) is not None:
            hits.append((class_name, vendor.markup_rule))
    return hits


def _data_rule(attribute: str) -> Rule | None:
    if mr.COUNTDOWN_DATA_ATTR.match(attribute):
        return mr.COUNTDOWN_MARKUP
    if mr.ACTIVITY_DATA_ATTR.match(attribute):
        return mr.ACTIVITY_MARKUP
    return None


def choice_rules(choice: Choice, label: str) -> list[Rule]:
    """The rules a choice with this label breaks: a paid add-on or opt-in selected by default
    (HO604), consent to marketing in a box that must be ticked (HO619)."""
    rules = []
    if choice.preselected and is_paid_choice(choice.kind, label):
        rules.append(mr.PRESELECTED)
    if choice.required and is_marketing_consent(label):
        rules.append(mr.FORCED_CONSENT)
    return rules


def is_required_box(name: str, attrs: dict[str, str]) -> bool:
    """A checkbox that a form cannot be sent without."""
    if name != "input" or attrs.get("type", "").lower() != "checkbox":
        return False
    return "required" in attrs or attrs.get("aria-required") == "true"


def is_marketing_consent(label: str) -> bool:
    """Whether a box's label opts into marketing (not one saying there is none)."""
    if not label or mr.NEGATIVE_CHOICE.search(label):
        return False
    return any(
        not mr.NO_MARKETING.search(label, max(0, found.start() - 40), found.start())
        for found in mr.MARKETING_CONSENT.finditer(label)
    )


def choice_kind(name: str, attrs: dict[str, str]) -> Kind | None:
    if name == "input" and "checked" in attrs:
        kind = attrs.get("type", "").lower()
        return "checkbox" if kind == "checkbox" else "radio" if kind == "radio" else None
    if name == "option" and "selected" in attrs:
        return "option"
    if attrs.get("role") in ("switch", "checkbox") and attrs.get("aria-checked") == "true":
        return "switch"
    return None


def is_ui_state(attrs: dict[str, str]) -> bool:
    """Checked inputs that only keep a page's UI state: an open nav section or content tab
    (mkdocs-material and pymdownx name them ``__nav_2``, ``__tabbed_1_1``), CSS-only tabs,
    accordions and menus. Their labels are headings, not offers."""
    if attrs.get("id", "").startswith("__") or attrs.get("name", "").startswith("__"):
        return True
    words = {w for c in attrs.get("class", "").split() for w in mr.name_words(c)}
    return not words.isdisjoint(mr.UI_STATE_WORDS)


def is_paid_choice(kind: Kind, label: str) -> bool:
    """Whether a pre-selected choice with this label is a paid add-on or an opt-in."""
    if not label or mr.NEGATIVE_CHOICE.search(label):
        return False
    if mr.ADDON_WORDS.search(label):
        return True
    if kind in ("checkbox", "switch"):
        return bool(mr.MONEY.search(label))
    if kind == "radio":
        return bool(mr.SURCHARGE.search(label))
    return False
