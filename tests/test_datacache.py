"""The pickle cache of catalog and policy: a copy that is used only while it is current."""

import os

from app.data.cache import cached


def test_second_load_comes_from_the_cache_and_matches(tmp_path):
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    calls = []

    def build():
        calls.append(1)
        return {"value": source.read_text(encoding="utf-8")}

    first = cached("thing", [source], build, folder=tmp_path / "cache")
    second = cached("thing", [source], build, folder=tmp_path / "cache")
    assert first == second and len(calls) == 1


def test_a_changed_input_is_read_again(tmp_path):
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    build = lambda: source.read_text(encoding="utf-8")  # noqa: E731
    assert cached("thing", [source], build, folder=tmp_path) == "a: 1\n"
    source.write_text("a: 22\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))  # even with an old timestamp: the size changed
    assert cached("thing", [source], build, folder=tmp_path) == "a: 22\n"


def test_a_corrupt_cache_file_is_ignored(tmp_path):
    source = tmp_path / "input.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    cached("thing", [source], lambda: "fresh", folder=tmp_path / "c")
    for path in (tmp_path / "c").iterdir():
        path.write_bytes(b"not a pickle")
    assert cached("thing", [source], lambda: "rebuilt", folder=tmp_path / "c") == "rebuilt"


def test_the_composer_from_the_cache_composes_the_same(composer, today):
    from app.compose.composer import Composer

    again = Composer.load()  # the session fixture filled the cache
    values = composer.catalog.parse_all({"ship_date": "2026-10-20", "shipping_method": "epacket",
                                         "destination_country": "BR", "tracking_number": "LP1"})
    a = composer.compose("not-received-in-transit", values, today)
    b = again.compose("not-received-in-transit", values, today)
    assert a.to_json() == b.to_json()
