"""PHP strings in templates and plugins: read as text (joined across ``.``, placeholders for
format codes and variables), HTML inside them checked as markup, comments not text, PHP
comment markers; honest strings pass."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from honest_offers.check.finding import Finding
from honest_offers.check.sources import check_file_text
from tests.conftest import examples


def findings(php: str) -> list[Finding]:
    return check_file_text(php, "template", "module.php").findings


def at(source: str, found: Finding) -> str:
    return source.split("\n")[found.line - 1][found.column - 1 :]


@pytest.mark.parametrize(
    ("php", "rule", "starts"),
    [
        ("<?php\n$defaults = ['lt10' => 'Only %count% units left!'];\n", "HO201", "Only %count%"),
        ("<?php echo 'Only ' . $qty . ' left in stock'; ?>", "HO201", "Only '"),
        ('<?php printf("Only %d seats left", $n); ?>', "HO201", "Only %d"),
        ('<p><?= "Hurry, only {$n} left!" ?></p>', "HO103", "Hurry"),
        ("<?php $note = 'Last unit available for dispatch today!'; ?>", "HO201", "Last unit"),
    ],
)
def test_php_strings_are_text(php: str, rule: str, starts: str) -> None:
    found = [f for f in findings(php) if f.rule == rule]
    assert found, php
    assert at(php, found[0]).startswith(starts)


def test_html_in_php_strings_is_markup() -> None:
    php = (
        "<?php\nfunction badge($n) {\n"
        "    return '<strong class=\"stock-counter\">' . $n . '</strong>';\n}\n"
        'echo <<<HTML\n<div class="countdown" data-deadline="{$end}"></div>\nHTML;\n'
    )
    assert [(f.rule, f.line) for f in findings(php)] == [
        ("HO602", 3),
        ("HO601", 6),
        ("HO601", 6),
    ]


@pytest.mark.parametrize(
    "php",
    [
        "<?php // Only 3 left in stock: the old banner, removed\n$x = 1; ?>",
        "<?php /* Hurry! */ echo $this->l('Settings saved'); ?>",
        "<?php echo sprintf('Price: %s per month', $price); ?>",
        "<?php $limit = 'limit_lt10'; $class = 'product-quantities'; ?>",
        "<p>Delivery within 10 working days</p><?php if ($x): ?><b>ok</b><?php endif; ?>",
    ],
)
def test_honest_php_passes(php: str) -> None:
    assert findings(php) == []


def test_php_comment_marker_allows_the_next_line() -> None:
    php = (
        "<?php\n"
        '// honest-offers: allow HO201 reason="Admin preview of the module, never shown"\n'
        "$preview = 'Only 2 units left';\n"
    )
    result = check_file_text(php, "template", "admin.php")
    assert result.findings == []
    assert [s.finding.rule for s in result.suppressed] == ["HO201"]


def test_marker_inside_a_string_is_no_marker() -> None:
    php = "<?php\n$a = '// honest-offers: allow HO201 reason=\"x\"';\n$b = 'Only 2 units left';\n"
    assert [f.rule for f in findings(php)] == ["HO201"]


PIECES = ["<?php ", "<?= ", "?>", "'", '"', "\\", ".", " . $n . ", "//", "#", "/*", "*/", "\n"]
PIECES += ["<<<EOT\n", "\nEOT;", "%d", "%count%", "{$x}", "Only 2 left", "<b class='fomo'>", "é"]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_php_reading_never_fails_and_stays_inside_the_file(php: str) -> None:
    result = check_file_text(php, "template", "x.php")
    rows = php.split("\n")
    for item in result.findings + [s.finding for s in result.suppressed]:
        assert 1 <= item.line <= len(rows), item
        assert 1 <= item.column <= len(rows[item.line - 1]) + 1, item


def test_literals_joined_directly_hold_no_value_between_them() -> None:
    """``'…today:' . '<b> see …'`` joins two literals: no number stands between them."""
    php = "<?php echo '<p>Sold today:' . '<b> see the sales report</b></p>'; ?>"
    assert findings(php) == []
    counted = "<?php echo '<p>Sold today:' . $sells . '<b> items</b></p>'; ?>"
    assert [f.rule for f in findings(counted)] == ["HO302"]
