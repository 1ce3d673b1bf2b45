"""Random activity (HO616) in its wider shapes: a number that walks at random on a timer and
is written where the names say activity, and buyers' names or towns picked at random from a
list in a script that shows notices on a timer. Honest look-alikes pass."""

from __future__ import annotations

import pytest

from honest_offers.check.scripts import check_script


def random_findings(js: str) -> list[str]:
    """The HO616 excerpts, each up to its first comma or semicolon."""
    found = check_script(js, "app.js").findings
    return [f.excerpt.split(",")[0].split(";")[0] for f in found if f.rule == "HO616"]


RANDOM_WALK = """
function nextCount(previous) {
  var step = Math.floor(Math.random() * 5) - 2;
  return Math.max(20, previous + step);
}
var shown = 30;
setInterval(function () {
  shown = nextCount(shown);
  counter.innerHTML = shown;
}, 5000);
"""

PICKED_BUYERS = """
const firstNames = ["Ana", "Ben", "Chloe", "Dev"];
const cities = ["Leeds", "Porto", "Lyon", "Graz"];
function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}
function notice() {
  return { who: pick(firstNames), where: pick(cities), action: "purchased", when: "2 min ago" };
}
setTimeout(function show() { toasts.push(notice()); setTimeout(show, 45000); }, 10000);
"""


def test_random_walk_written_as_visitors() -> None:
    js = RANDOM_WALK.replace("counter.innerHTML", "visitorCount.innerHTML")
    assert random_findings(js) == ["Math.random() * 5) - 2"]


def test_buyers_and_towns_picked_at_random_for_timed_notices() -> None:
    assert random_findings(PICKED_BUYERS) == ["pick(firstNames)", "pick(cities)"]


def test_picked_inline_without_a_helper() -> None:
    js = PICKED_BUYERS.replace("pick(cities)", "town()") + (
        "function town() {\n  return cities[Math.random() * cities.length | 0];\n}\n"
    )
    assert random_findings(js) == ["pick(firstNames)", "cities[Math.random() * cities.length | 0]"]
    # where the random call is reported already (activity words around it), once
    js = PICKED_BUYERS.replace("pick(cities)", "cities[Math.random() * cities.length | 0]")
    assert random_findings(js) == ["pick(firstNames)", "Math.random() * cities.length | 0]"]


RECORDS = """
const feed = [
  { name: "Anna", city: "Berlin", product: "Pro plan" },
  { name: "Luis", city: "Madrid", product: "Starter" },
];
function next() {
  return feed[Math.floor(Math.random() * feed.length)];
}
function render(item) {
  popup.querySelector("p").textContent = item.product;
  popup.querySelector("small").textContent = "purchased 3 minutes ago";
}
setInterval(() => render(next()), 30000);
"""


def test_records_of_people_picked_at_random() -> None:
    assert random_findings(RECORDS) == ["feed[Math.floor(Math.random() * feed.length)]"]
    # quotes with their authors, rotated at random: no people's activity
    quotes = RECORDS.replace("name:", "quote:").replace("city:", "author:")
    assert random_findings(quotes) == []


@pytest.mark.parametrize(
    "js",
    [
        # a random walk written where nothing says activity (an animation's offset)
        RANDOM_WALK,
        # a random tip every few seconds
        "setInterval(() => { tip.textContent = tips[Math.floor(Math.random() * tips.length)]; },"
        " 8000);",
        # random names without timed notices: a placeholder in a form
        "const names = ['Ana', 'Ben'];\n"
        "input.placeholder = 'e.g. ' + names[Math.floor(Math.random() * names.length)];",
        # timed notices with activity words, but the random pick is a colour
        PICKED_BUYERS.replace("pick(firstNames)", "'Ana'")
        .replace("pick(cities)", "'Leeds'")
        .replace("function notice", "const hue = pick(colours);\nfunction notice"),
    ],
    ids=["animation", "tips", "placeholder", "colour"],
)
def test_random_without_fake_activity_passes(js: str) -> None:
    assert random_findings(js) == []


@pytest.mark.parametrize(
    "js",
    [
        "box.querySelector('.ps-stock-counter').textContent = qty;",
        "document.getElementById('live-viewers').hidden = false;",
        "el.closest('[data-recent-sales]').remove();",
    ],
)
def test_scripts_working_on_activity_widgets(js: str) -> None:
    found = [f.rule for f in check_script(js, "app.js").findings]
    assert found == ["HO602"]


@pytest.mark.parametrize(
    "js",
    [
        # countdown components ship in frameworks whether a page uses them or not
        "document.querySelectorAll('.uk-countdown').forEach(init);",
        "document.querySelector('.product-quantities span[data-stock]');",
        "document.getElementById('stockholm-office');",
    ],
)
def test_other_queries_pass(js: str) -> None:
    assert check_script(js, "app.js").findings == []


# -- notices about other people, built around a name -----------------------------------------


def text_findings(js: str, path: str = "app.js") -> list[tuple[str, str]]:
    found = check_script(js, path).findings
    return [(f.rule, js.split("\n")[f.line - 1][f.column - 1 :]) for f in found]


@pytest.mark.parametrize(
    ("js", "path", "starts"),
    [
        ("msg.innerHTML = name + ' from ' + city + ' just bought ' + product;", "a.js", "name"),
        ("el.textContent = `${buyer.firstName} just signed up`;", "a.js", "${buyer"),
        ("const T = ({ customerName }) => <p>{customerName} just bought it</p>;", "T.jsx", "{cu"),
        ("toast(esc(p.first_name || 'Someone') + ' just bought ' + esc(p.product));", "a.js", "e"),
    ],
)
def test_notice_with_a_name_first(js: str, path: str, starts: str) -> None:
    ((rule, at),) = text_findings(js, path)
    assert rule == "HO302"
    assert at.startswith(starts)


@pytest.mark.parametrize(
    ("js", "path", "rule", "starts"),
    [
        ("el.textContent = `${n} people are viewing this`;", "a.js", "HO301", "${n}"),
        ("badge.textContent = viewers + ' people are viewing this';", "a.js", "HO301", "view"),
        (
            "const V = ({ count }) => <b>{count} shoppers are looking at this</b>;",
            "V.jsx",
            "HO301",
            "{",
        ),
        ("note.textContent = 'Left in stock: ' + variant.qty;", "a.js", "HO201", "in stock"),
        # format codes that a value fills in read as placeholders
        ("el.innerHTML = sprintf(__('Only %s left!', 'shop'), qty);", "a.js", "HO201", "Only %s"),
        ("t('Only {{count}} left in stock', { count });", "a.js", "HO201", "Only {{"),
        ("msg = format('{count} people are viewing this', data);", "a.js", "HO301", "{count}"),
    ],
)
def test_a_value_named_as_a_count_reads_as_a_number_at_either_end(
    js: str, path: str, rule: str, starts: str
) -> None:
    """``${n} people …`` and ``"Left in stock: " + variant.qty``: first or last, a count is
    a number."""
    ((found, at),) = text_findings(js, path)
    assert found == rule
    assert at.startswith(starts)


@pytest.mark.parametrize(
    "js",
    [
        "el.textContent = `${product.title} people are viewing this`;",
        "counter.textContent = remaining + ' characters left';",
        "log(user + ' left the room');",
        "banner.textContent = `Welcome back, ${user.name}!`;",
        "title.textContent = product.name + ' just arrived in our catalogue';",
        "const T = ({ count }) => <span>{count} items left to review</span>;",
    ],
)
def test_values_first_that_are_no_person_pass(js: str) -> None:
    assert text_findings(js, "a.jsx") == []
