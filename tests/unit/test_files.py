"""Whole files read by their descriptor (:mod:`honest_offers.files`)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from honest_offers.files import FileTooLargeError, read_bytes, utf8_text


def test_a_file_whole_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    data = os.urandom(70_000)
    path.write_bytes(data)
    assert read_bytes(path) == data
    assert read_bytes(str(path), limit=70_000) == data
    empty = tmp_path / "empty"
    empty.touch()
    assert read_bytes(empty, limit=0) == b""


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yml"
    path.write_bytes(b"x" * 1001)
    with pytest.raises(FileTooLargeError) as raised:
        read_bytes(path, limit=1000)
    assert raised.value.size == 1001


def test_a_missing_file_is_the_system_s_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_bytes(tmp_path / "gone.html")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_stream_whose_size_is_unknown_is_read_to_its_end(tmp_path: Path) -> None:
    """A pipe reports size 0: the first read is short of nothing, so the rest is read in
    chunks until the writer closes it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    data = b"0123456789" * 20_000

    def write() -> None:
        with fifo.open("wb") as out:
            out.write(data)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert read_bytes(fifo) == data
    finally:
        writer.join(timeout=10)


@example(b"\xef\xbb")  # a mark cut short
@example(b"\xef\xbb\xbf\xef\xbb\xbf")  # two marks: only the first is dropped
@example(b"\xef\xbb\xbf\xff")
@given(st.binary(max_size=64) | st.binary(max_size=64).map(lambda b: b"\xef\xbb\xbf" + b))
def test_utf8_text_is_the_utf8_sig_codec(raw: bytes) -> None:
    assert utf8_text(raw) == raw.decode("utf-8-sig", errors="replace")
