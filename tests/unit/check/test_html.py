"""check_html: visible text extraction, exact positions, markup rules HO601-HO610, templates."""

from __future__ import annotations

import pytest

from honest_offers.check.docs import REFERENCE_MARKER, REFERENCE_REASON, rule_pages
from honest_offers.check.finding import Finding
from honest_offers.check.html import check_html, walker
from honest_offers.check.registry import RULES
from honest_offers.check.runtime import TEXT_CHANGES
from honest_offers.check.scripts import check_script


def codes(html: str) -> list[str]:
    return [f.rule for f in check_html(html, "page.html").findings]


def markup(html: str) -> list[str]:
    """Only the HO6xx codes (the text rules have their own tests)."""
    return [code for code in codes(html) if code.startswith("HO6")]


def at(source: str, found: Finding) -> str:
    """The source text at a finding's line and column."""
    return source.split("\n")[found.line - 1][found.column - 1 :]


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (text, context) that check_html hands to the text check."""
    calls: list[tuple[str, str]] = []

    def spy(text: str, context: str) -> tuple[Finding, ...]:
        calls.append((text, context))
        return ()

    monkeypatch.setattr(walker, "text_findings", spy)
    return calls


# -- visible text ------------------------------------------------------------------------


def test_inline_markup_joins_text(seen: list[tuple[str, str]]) -> None:
    check_html("<p>Only <b>2</b> left<em>!</em></p>", "p.html")
    assert ("Only 2 left!", "prose") in seen


@pytest.mark.parametrize(
    ("html", "texts"),
    [
        # a plan switcher: the page shows one price or the other, never both in a row
        (
            '<p><span x-show="m">$9</span> <span x-show="!m">$7</span> a month</p>',
            ["$9", "$7 a month"],
        ),
        ('<p><b v-if="yearly">$70</b><b v-else>$90</b> a year</p>', ["$70", "$90 a year"]),
        ("<p><i *ngIf='a'>Basic</i><i hidden>Pro</i></p>", ["Basic", "Pro"]),
        # one element shown on a condition is part of its sentence
        ('<p>Only <span v-if="low">2</span> left</p>', ["Only 2 left"]),
    ],
)
def test_elements_shown_instead_of_each_other_are_texts_of_their_own(
    seen: list[tuple[str, str]], html: str, texts: list[str]
) -> None:
    check_html(html, "p.html")
    assert [t for t, c in seen if c == "prose"] == texts


def test_block_elements_separate_text(seen: list[tuple[str, str]]) -> None:
    check_html("<div>Only<p>two</p>left</div><ul><li>a</li><li>b</li></ul>", "p.html")
    assert [t for t, c in seen if c == "prose"] == ["Only", "two", "left", "a", "b"]


def test_a_bare_number_reads_with_its_caption(seen: list[tuple[str, str]]) -> None:
    """A stat card: "53" above "Beta spots left" reads "53 Beta spots left"."""
    check_html('<div class="stat"><p>53</p><p>Beta spots left</p></div>', "p.html")
    assert [t for t, _ in seen] == ["Beta spots left", "53 Beta spots left"]


def test_a_caption_is_checked_with_its_number() -> None:
    """A caption with a finding of its own reads alone, where it stands."""
    assert codes('<div class="stat"><p>53</p><p>Beta spots left</p></div>') == ["HO201"]
    assert codes("<p>1,200</p><p>Customers since 2019</p>") == []
    found = check_html("<p>2</p><p>Only 3 left in stock</p>", "p.html").findings
    assert [(f.rule, f.column) for f in found] == [("HO201", 12)]


def test_entities_decoded_and_whitespace_collapsed(seen: list[tuple[str, str]]) -> None:
    check_html("<p>\n  Caf&eacute;&nbsp;&amp;\n\t<br>more &#8212; text  </p>", "p.html")
    assert seen == [("Café & more — text", "prose")]


@pytest.mark.parametrize(
    "hidden",
    [
        "<code>Only 2 left</code>",
        "<pre>Only 2 left</pre>",
        "<pre><code>Only <span>2</span> left</code></pre>",
        "<kbd>Only 2 left</kbd>",
        "<samp>Only 2 left</samp>",
        "<template><p>Only 2 left</p></template>",
        "<!-- Only 2 left -->",
        "<script>var x = 1;</script>",
        "<style>p { color: red }</style>",
    ],
)
def test_code_comments_scripts_and_templates_are_not_prose(
    seen: list[tuple[str, str]], hidden: str
) -> None:
    check_html(f"<p>Before</p>{hidden}<p>After</p>", "p.html")
    assert [t for t, _ in seen] == ["Before", "After"]


def test_noscript_and_title_are_read(seen: list[tuple[str, str]]) -> None:
    check_html("<title>Deal &amp; more</title><noscript><p>Only 2 left</p></noscript>", "p")
    assert ("Deal & more", "prose") in seen
    assert ("Only 2 left", "prose") in seen


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<button>No thanks</button>", ("No thanks", "label")),
        ('<a href="/x">I <b>prefer</b> full price</a>', ("I prefer full price", "label")),
        ("<summary>More</summary>", ("More", "label")),
        ("<label><input type=checkbox> Send offers</label>", ("Send offers", "label")),
        ("<select><option>No, I like paying more<option>Yes</select>", ("Yes", "label")),
        ('<div role="button">Close</div>', ("Close", "label")),
        ('<input type="submit" value="No, I hate deals">', ("No, I hate deals", "label")),
        ('<img alt="Only 2 left" src="x.png">', ("Only 2 left", "attribute")),
        ('<a title="Hurry" href="#">x</a>', ("Hurry", "attribute")),
        ('<i aria-label="Sale ends soon"></i>', ("Sale ends soon", "attribute")),
        ('<input placeholder="Your email">', ("Your email", "attribute")),
        ('<input type="text" value="Act now">', ("Act now", "attribute")),
        ('<meta name="description" content="Only today">', ("Only today", "attribute")),
        ('<meta property="og:title" content="Last chance">', ("Last chance", "attribute")),
    ],
)
def test_labels_and_attributes_get_their_context(
    seen: list[tuple[str, str]], html: str, expected: tuple[str, str]
) -> None:
    check_html(html, "p.html")
    assert expected in seen


@pytest.mark.parametrize(
    "html",
    [
        '<meta name="viewport" content="width=device-width">',
        '<meta http-equiv="refresh" content="5; url=/sale">',
        '<input type="hidden" value="Only 2 left">',
        '<input type="checkbox" value="Only 2 left">',
        '<option value="Only 2 left">A</option>',
    ],
)
def test_values_nobody_reads_are_skipped(seen: list[tuple[str, str]], html: str) -> None:
    check_html(html, "p.html")
    assert all("Only" not in text and "refresh" not in text for text, _ in seen)


def test_long_link_text_is_prose_not_a_label(seen: list[tuple[str, str]]) -> None:
    card = "word " * 60
    check_html(f'<a href="/card"><p>{card}</p></a>', "p.html")
    assert all(context == "prose" for _, context in seen)


def test_ld_json_strings_are_attribute_text() -> None:
    page = '<script type="application/ld+json">{"description": "Only 2 left in stock!"}</script>'
    found = check_html(page, "p.html").findings
    assert [f.rule for f in found] == ["HO201"]
    assert at(page, found[0]).startswith("Only 2 left")


# -- positions -----------------------------------------------------------------------------


def test_text_finding_points_at_excerpt_across_markup_and_entities() -> None:
    page = "<html>\n<body>\n  <p class=x>Caf&eacute; &amp; tea.\n    Only <b>2</b> left!</p>"
    (found,) = check_html(page, "p.html").findings
    assert (found.rule, found.line, found.column) == ("HO201", 4, 5)
    assert found.excerpt == "Only 2 left"


def test_position_after_entity_on_same_line() -> None:
    page = "<p>&nbsp;&mdash;&nbsp;Only 3 left in stock</p>"
    (found,) = check_html(page, "p.html").findings
    assert at(page, found).startswith("Only 3 left")


def test_start_line_and_column_shift_findings() -> None:
    page = "<p>Only 2 left</p>\n<p>Hurry!</p>"
    found = check_html(page, "doc.md", line=10, column=5).findings
    assert [(f.line, f.column) for f in found] == [(10, 8), (11, 4)]
    assert {f.path for f in found} == {"doc.md"}


def test_attribute_finding_points_at_value() -> None:
    page = '<div>\n  <img src="a.png"\n       alt="Hurry, only 3 left in stock">\n</div>'
    found = check_html(page, "p.html").findings
    assert found
    for item in found:
        assert at(page, item).startswith(item.excerpt)


def test_class_word_finding_points_at_the_class() -> None:
    page = '<div class="md-grid  offer-countdown box">x</div>'
    (found,) = check_html(page, "p.html").findings
    assert found.rule == "HO601"
    assert found.excerpt == "offer-countdown"
    assert at(page, found).startswith("offer-countdown")


# -- HO601 countdown markup --------------------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        '<div class="countdown">',
        '<div class="count-down">',
        '<span class="timeLeft">',
        '<span class="time_remaining">',
        '<div class="sale-timer">',
        '<p class="offer-deadline">',
        '<div class="powr-countdown-timer">',
        '<div class="hurrytimer-campaign">',
        '<div id="CountDownBox">',
        '<div data-countdown="600">',
        '<div data-deadline="2026-12-01">',
        '<div data-end-date="2026-12-01">',
        '<div data-endtime="1700000000">',
        '<div data-expires-at="x">',
        "<div data-timer>",
    ],
)
def test_countdown_markup(tag: str) -> None:
    assert markup(tag + "x</div>") == ["HO601"]


@pytest.mark.parametrize(
    "tag",
    [
        '<button class="md-clipboard md-icon">',
        '<nav class="navigation-timeline">',
        '<div class="md-clock-icon">',
        '<div class="flipclock-wrapper">',  # a flip clock may show the time
        '<div data-endpoint="/api">',
        '<div data-md-component="toc">',
        '<div data-ending="happy">',
        '<h2 id="countdown-timers">',
        '<section id="urgency">',
        '<a id="deadline" href="#deadline">',
        '<div class="timeline">',
        '<div class="reading-time">',
    ],
)
def test_countdown_markup_negatives(tag: str) -> None:
    assert markup(tag + "x</div>") == []


# -- HO602 activity and stock widgets ----------------------------------------------------


@pytest.mark.parametrize(
    "tag",
    [
        '<div class="fomo-notification">',
        '<div class="sales-pop-up">',
        '<div class="proof-factor-widget">',
        '<span class="stock-counter">',
        '<p class="low-stock">',
        '<ul class="recent-sales">',
        '<div class="visitors-block">',
        '<span data-visitors="12">',
        '<b class="count_of_visitors">',
        '<div data-controller="acme--live-viewers">',
        '<div data-controller="tooltip /low-stock">',
        # a pair written as one word
        '<div class="goal-salespopup-wrapper">',
        '<span class="recentsales">',
    ],
)
def test_activity_markup(tag: str) -> None:
    assert markup(tag + "x</div>") == ["HO602"]


@pytest.mark.parametrize(
    "tag",
    [
        '<div class="stockholm">',
        '<div class="md-source">',
        '<div class="social-links">',
        '<div class="time-of-day">',
        '<div data-controller="dropdown clipboard">',
        '<div class="popup-sales-tax">',
    ],
)
def test_activity_markup_negatives(tag: str) -> None:
    assert markup(tag + "x</div>") == []


# -- HO603 struck prices -----------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        "<p>Now $99 <s>$199</s></p>",
        "<p><del>€ 120</del> €80</p>",
        "<p><strike>199,00&nbsp;kr</strike></p>",
        '<p><span style="color:grey; text-decoration: line-through">USD 50</span></p>',
        '<p><span class="was-price">£40</span></p>',
        '<p><span class="price price--old"><b>$10</b></span></p>',
        '<p><span class="compare-at-price">$10</span></p>',
        '<p><span class="rrp">$10</span></p>',
    ],
)
def test_struck_price(html: str) -> None:
    assert "HO603" in markup(html)


@pytest.mark.parametrize(
    "html",
    [
        "<p><del>Old feature name</del> New name</p>",
        "<p><s>draft</s></p>",
        '<p><span class="price">$99</span></p>',
        '<p><span class="price-item price-item--regular">$10</span></p>',
        '<p><span style="text-decoration: underline">$10</span></p>',
    ],
)
def test_struck_price_negatives(html: str) -> None:
    assert "HO603" not in markup(html)


def test_struck_price_points_at_the_amount() -> None:
    page = "<p>Was\n  <s>only &euro;120</s></p>"
    found = [f for f in check_html(page, "p.html").findings if f.rule == "HO603"]
    assert len(found) == 1
    assert at(page, found[0]).startswith("&euro;120")


# -- HO604 pre-selected add-ons ----------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        '<label><input type="checkbox" checked> Add shipping protection ($2.98)</label>',
        '<label>Gift wrap <input type=checkbox checked="checked"></label>',
        '<input type="checkbox" checked id="nl"><label for="nl">Send me the newsletter</label>',
        '<label for="ins">Add insurance</label> <input type="checkbox" checked id="ins">',
        '<input type="checkbox" checked aria-label="Donate $1 to the association">',
        '<p><input type="checkbox" checked> Add a greeting card $3.99</p>',
        '<input type="checkbox" checked aria-labelledby="w"> <span id="w">2-year warranty</span>',
        '<select name="x"><option>None</option><option selected>Add insurance</option></select>',
        '<div role="switch" aria-checked="true">Auto-renew my plan</div>',
        '<label><input type="radio" name="s" checked> Express delivery (+ $9)</label>',
        '<label><input type="checkbox" checked> Add 1 year care plan</label>',
    ],
)
def test_preselected_add_on(html: str) -> None:
    assert markup(html) == ["HO604"]


@pytest.mark.parametrize(
    "html",
    [
        '<label><input type="checkbox" checked> Remember me</label>',
        '<label><input type="checkbox"> Add shipping protection ($2.98)</label>',
        "<select><option selected>No insurance</option><option>Add insurance</option></select>",
        "<select><option selected>Monthly, $9</option><option>Yearly, $90</option></select>",
        '<label><input type="radio" name="s" checked> Standard delivery (free)</label>',
        '<label><input type="radio" name="s" checked> Plan B, $12 per month</label>',
        '<label><input type="radio" name="s" checked> Standard, 12 € per month</label>',
        '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">',
        '<p><input type="checkbox" checked> I have read the terms</p><p>Price: $9</p>',
        '<input checked id="__tabbed_1_1" name="__tabbed_1" type="radio">'
        '<label for="__tabbed_1_1">Premium subscription, $12</label>',
        '<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_2" checked>'
        '<label class="md-nav__link" for="__nav_2">Subscriptions and premium</label>',
        '<input class="accordion-toggle" type="checkbox" checked> Insurance FAQ',
        '<input class="tab" type="radio" name="plans" checked><label>Premium, $12</label>',
    ],
)
def test_preselected_add_on_negatives(html: str) -> None:
    assert markup(html) == []


def test_label_reference_to_an_unclosed_tag() -> None:
    page = '<input type=checkbox checked aria-labelledby=w><span id="w"'
    assert markup(page) == []


def test_preselected_points_at_the_label() -> None:
    page = '<form>\n<label>\n  <input type="checkbox" checked>\n  Add insurance ($5)\n</label>'
    (found,) = check_html(page, "p.html").findings
    assert (found.rule, found.line, found.column) == ("HO604", 4, 3)
    assert found.excerpt == "Add insurance ($5)"


# -- HO619 consent to marketing in a box that must be ticked -----------------------------

CATCH_FORCED_CONSENT = [
    '<label><input type="checkbox" required> I accept the terms and want the newsletter</label>',
    '<input type="checkbox" required id="t"><label for="t">I agree to the Terms and to receive'
    " special offers by email</label>",
    '<form><input type="checkbox" name="ok" required> I agree to get news and offers from our'
    " partners</form>",
    '<input type="checkbox" aria-required="true" aria-label="Yes, send me promotional SMS">',
    '<input type=checkbox required aria-labelledby="c"> <span id="c">Marketing emails</span>',
    '<label><input type="checkbox" required="required"> Share my e-mail with third parties for'
    " advertising</label>",
]
"""Boxes a form cannot be sent without, whose label opts into marketing."""

LOOK_ALIKES_FORCED_CONSENT = [
    '<label><input type="checkbox" required> I accept the terms and conditions</label>',
    '<label><input type="checkbox" required> I agree to the privacy policy. We never send'
    " marketing emails.</label>",
    '<label><input type="checkbox"> Send me the monthly newsletter (optional)</label>',
    '<label><input type="checkbox" required> I have read the terms of this offer</label>',
    '<label><input type="checkbox" required> Send me updates about my order</label>',
    '<label><input type="checkbox" required> My address goes to our delivery partners</label>',
    '<label><input type="checkbox" required> No newsletter, only the order</label>',
    '<label><input type="text" required> Newsletter name</label>',
]
"""Required boxes for what the order needs, optional marketing boxes, marketing denied."""


@pytest.mark.parametrize("html", CATCH_FORCED_CONSENT)
def test_forced_marketing_consent(html: str) -> None:
    assert markup(html) == ["HO619"]


@pytest.mark.parametrize("html", LOOK_ALIKES_FORCED_CONSENT)
def test_forced_marketing_consent_look_alikes(html: str) -> None:
    assert markup(html) == []


def test_forced_consent_that_is_also_ticked_breaks_both_rules() -> None:
    page = '<label><input type="checkbox" required checked> Subscribe me to the newsletter</label>'
    assert sorted(markup(page)) == ["HO604", "HO619"]


def test_forced_consent_points_at_the_label_and_is_not_replayed_from_another_page() -> None:
    page = '<form>\n<input type="checkbox" required id="c">\n<label for="c">Send me offers</label>'
    (found,) = check_html(page, "a.html").findings
    assert (found.rule, found.line, found.column) == ("HO619", 3, 16)
    assert found.excerpt == "Send me offers"
    (again,) = check_html(page, "b.html").findings
    assert (again.path, again.line, again.column) == ("b.html", 3, 16)


# -- HO605-HO608 in markup ---------------------------------------------------------------


def test_onbeforeunload_attribute() -> None:
    page = "<body onbeforeunload=\"return 'Wait!'\"><p>Hi</p></body>"
    (found,) = check_html(page, "p.html").findings
    assert found.rule == "HO606"
    assert at(page, found).startswith("onbeforeunload")


def test_inline_handlers_go_to_the_script_rules() -> None:
    page = '<body onmouseout="if (event.clientY <= 0) openOffer()"><p>x</p></body>'
    assert markup(page) == ["HO605"]
    assert markup('<button onclick="copy()">Copy</button>') == []


def test_inline_scripts_and_styles_are_checked_in_place() -> None:
    page = (
        "<p>x</p>\n<script>\nlet s = 600;\n"
        "setInterval(() => { s--; el.textContent = (s / 60 | 0) + ':' + s % 60 }, 1000);\n"
        "</script>\n<style>.old-price { text-decoration: line-through }</style>"
    )
    found = check_html(page, "p.html").findings
    assert [(f.rule, f.line, f.column) for f in found] == [("HO611", 4, 1), ("HO603", 6, 8)]


# -- HO609 / HO610 vendors ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "rule", "severity"),
    [
        ('<script src="https://load.fomo.com/api/v1/x/load.js"></script>', "HO609", "error"),
        ('<script async src="//a.deadlinefunnel.com/unified/x.js"></script>', "HO609", "error"),
        ('<script data-scriptid="dfunifiedcode">df()</script>', "HO609", "error"),
        ('<link rel="preload" href="https://cdn.provesrc.com/provesrc.js">', "HO609", "error"),
        ('<iframe src="https://wheelio-app.com/w"></iframe>', "HO609", "error"),
        ('<div class="hurrify-countdown-bar"></div>', "HO601", "error"),
        ('<div class="hurrify-bar"></div>', "HO609", "error"),
        ('<script src="https://apps.elfsight.com/p/platform.js"></script>', "HO610", "warning"),
        ('<div class="elfsight-app-4a1b2c3d"></div>', "HO610", "warning"),
        ('<div class="hextom-bar"></div>', "HO610", "warning"),
    ],
)
def test_vendor_markup(html: str, rule: str, severity: str) -> None:
    (found,) = [f for f in check_html(html, "p.html").findings if f.rule.startswith("HO6")]
    assert (found.rule, found.severity) == (rule, severity)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://usefomo.com">Fomo, a company we wrote about</a>',
        '<script src="/assets/javascripts/bundle.min.js"></script>',
        '<script src="https://fomo.com.example.net/x.js"></script>',
        '<img src="https://example.com/fomo.png" alt="">',
    ],
)
def test_vendor_markup_negatives(html: str) -> None:
    assert markup(html) == []


# -- templates ---------------------------------------------------------------------------


def test_jinja_template_tags_are_blank() -> None:
    template = (
        "{% extends 'main.html' %}\n{# a comment\n spanning lines #}\n"
        '<a href="{{ url }}"{% if ext %} rel="noopener"{% endif %} class="md-button">'
        "{{ offer.cta.label }}</a>\n<p>{{ offer.summary | e }} {% for x in xs %}{{ x }}"
        "{% endfor %}</p>\n<p>Only 2 left</p>"
    )
    found = check_html(template, "offer.html").findings
    assert [(f.rule, f.line, f.column) for f in found] == [("HO201", 6, 4)]


@pytest.mark.parametrize(
    ("template", "path", "expected"),
    [
        ("<p>Only {{ variant.inventory_quantity }} left in stock!</p>", "stock.liquid", "HO201"),
        ("<p>{{ sold_today }} people bought this today</p>", "proof.html.twig", "HO302"),
        ("<p>{{ buyer.first_name }} from {{ city }} just bought it</p>", "toast.hbs", "HO302"),
        ('<p>Only <b v-if="few">{{ left }}</b> seats remaining</p>', "Seats.vue", "HO201"),
    ],
)
def test_an_output_tag_reads_as_the_value_it_prints(
    template: str, path: str, expected: str
) -> None:
    """``{{ n }}`` prints a number (or, named for a person, a name), as a script's
    ``"Only " + n + " left"`` does: the text around it is read with it."""
    found = check_html(template, path).findings
    assert [f.rule for f in found] == [expected]
    assert at(template, found[0]).startswith(template[3:13].lstrip("<>b "))


@pytest.mark.parametrize(
    "template",
    [
        "<p>{{ product.title }} is in stock and ships in 2 days.</p>",
        "<p>{{ customer.first_name }}, your order {{ order.name }} has shipped.</p>",
        "<p>{% if sold_out %}Sold out{% else %}In stock{% endif %}: {{ product.vendor }}</p>",
        '<span class="price">{{ price | money }}</span> a month',
    ],
)
def test_output_tags_in_honest_templates_pass(template: str) -> None:
    assert check_html(template, "product.liquid").findings == []


def test_liquid_and_django_comment_blocks_are_blank_with_their_text() -> None:
    template = (
        "{% comment %}\n  Renders the compare at price and 'Only 2 left' badges.\n"
        "{% endcomment %}\n{%- comment -%} {{ old }} Hurry! {%- endcomment -%}\n<p>Only 2 left</p>"
    )
    found = check_html(template, "price.liquid").findings
    assert [(f.rule, f.line, f.column) for f in found] == [("HO201", 5, 4)]


def test_template_with_comparison_inside_a_tag() -> None:
    template = '<div {% if a > b %}class="countdown"{% endif %}>{{ a > b }}</div>'
    assert markup(template) == ["HO601"]


def test_unclosed_template_tags_do_not_blank_the_rest() -> None:
    assert markup("{{ broken <div class='countdown'></div> {% also") == ["HO601"]


# -- suppression markers -------------------------------------------------------------------


def test_html_comment_marker_allows_the_next_line() -> None:
    page = (
        '<!-- honest-offers: allow HO601 reason="A seat hold timer run by our server" -->\n'
        '<div class="countdown">x</div>\n<div class="countdown">y</div>'
    )
    result = check_html(page, "p.html")
    assert [(f.rule, f.line) for f in result.findings] == [("HO601", 3)]
    assert [(s.finding.line, s.reason) for s in result.suppressed] == [
        (2, "A seat hold timer run by our server")
    ]


def test_marker_like_text_in_a_script_is_not_a_marker() -> None:
    page = (
        "<script>var s = '<!-- honest-offers: allow HO601 reason=\"Just a string here\" -->'"
        '</script><div class="countdown">x</div>'
    )
    result = check_html(page, "p.html")
    assert [f.rule for f in result.findings] == ["HO601"]
    assert result.suppressed == []


def test_marker_without_reason_is_an_error_and_allows_nothing() -> None:
    page = '<!-- honest-offers: allow HO601 -->\n<div class="countdown">x</div>'
    assert sorted(codes(page)) == ["HO601", "HO901"]


def test_script_marker_inside_a_page() -> None:
    page = (
        '<script>\n// honest-offers: allow HO611 reason="The hold timer of our booking API"\n'
        "setInterval(() => { s--; el.textContent = s % 60 }, 1000)\n</script>"
    )
    result = check_html(page, "p.html")
    assert result.findings == []
    assert [(s.finding.rule, s.finding.line) for s in result.suppressed] == [("HO611", 3)]


# -- the catalogue -----------------------------------------------------------------------


# Rules of the static check; HO618 belongs to the browser check (check/runtime.py), whose
# bad example is caught by running it (tests/browser/test_runtime_check.py), by design not here.
HO6 = sorted(code for code in RULES if code.startswith("HO6") and code != TEXT_CHANGES.code)


def test_every_markup_and_script_rule_is_registered_once_with_docs() -> None:
    assert [f"HO6{n:02d}" for n in (*range(1, 18), 19)] == HO6
    names = [RULES[code].name for code in HO6]
    assert len(set(names)) == len(names)
    for code in HO6:
        rule = RULES[code]
        assert rule.name.replace("-", "").isalpha() and rule.name.islower()
        assert "{text}" in rule.message
        assert rule.doc.why and rule.doc.bad and rule.doc.honest


@pytest.mark.parametrize("code", HO6)
def test_documented_bad_example_fails(code: str) -> None:
    bad = RULES[code].doc.bad
    found = check_html(bad, "bad.html").findings + check_script(bad, "bad.js").findings
    assert code in {f.rule for f in found}


def test_a_rule_reference_page_lists_its_findings_as_allowed() -> None:
    """Recognised by the marker the generated pages carry, wherever the page is checked."""
    page = f"<html><body>{REFERENCE_MARKER}<p>Only 2 places left!</p></body></html>"
    result = check_html(page, "site/honesty-rules/ho201/index.html")
    assert result.findings == []
    assert [(s.finding.rule, s.reason) for s in result.suppressed] == [("HO201", REFERENCE_REASON)]
    assert rule_pages()["rules/ho201.md"].startswith(REFERENCE_MARKER)
    without = check_html("<p>Only 2 places left!</p>", "page.html")
    assert [f.rule for f in without.findings] == ["HO201"]
    quoted = f"<script>const marker = '{REFERENCE_MARKER}';</script><p>Only 2 places left!</p>"
    assert [f.rule for f in check_html(quoted, "page.html").findings] == ["HO201"]


LOGOUT_WARNING = """<div class="modal"><h4>Your session is about to expire</h4>
<p>You will be logged out in <span id="timer">10</span> seconds.</p>
<a href="/account" class="btn">Stay signed in</a></div>"""


def test_a_page_that_times_the_visitors_session_has_no_countdown() -> None:
    assert markup(LOGOUT_WARNING) == []


def test_a_timer_on_a_page_that_sells_is_a_countdown() -> None:
    assert "HO601" in markup(LOGOUT_WARNING.replace("Stay signed in", "See our prices"))


DISCOUNT_TABLE = """<table><tr><th>Applies to</th><th>Conditions</th></tr>
<tr><td>Students and teachers</td><td>100% off the Individual plan</td><td>One year</td></tr>
<tr><td>Educational projects</td><td>Up to 100% off the Team plan</td><td>-</td></tr>
</table>"""


def test_a_short_first_cell_labels_the_next_one(seen: list[tuple[str, str]]) -> None:
    """A row reads "Students and teachers: 100% off …": a standing discount for a group."""
    assert codes(DISCOUNT_TABLE) == []
    assert ("Students and teachers: 100% off the Individual plan", "prose") in seen
    assert ("One year", "prose") in seen


@pytest.mark.parametrize(
    ("row", "rule"),
    [
        ("<td>Seats left</td><td>3</td>", "HO201"),
        ("<td>Everyone</td><td>50% off, today only</td>", "HO102"),
        (
            "<td>" + "A long first cell that says a great deal more than a label " * 2 + "</td>"
            "<td>3 left in stock</td>",
            "HO201",
        ),
    ],
)
def test_a_labelled_row_is_still_read_for_tactics(row: str, rule: str) -> None:
    assert rule in codes(f"<table>\n<tr>{row}</tr>\n</table>")
