"""Saves that race: two windows saving the same template within a millisecond never lose a
version, and a save made from a stale read is refused."""

from __future__ import annotations

import threading

import pytest

from app.library.store import ExternalChangeError, PersonalStore


def template(body: str) -> str:
    return f"---\ntitle: {{en: T, zh: T}}\ncategory: quality\n---\n{body}\n=== gloss ===\n你好\n"


def test_a_second_save_from_the_same_read_is_refused(tmp_path):
    first, second = PersonalStore(tmp_path), PersonalStore(tmp_path)
    state = first.save("my-reply", template("Version 0000"), None)
    first.save("my-reply", template("Version AAAA"), state)
    with pytest.raises(ExternalChangeError):
        second.save("my-reply", template("Version BBBB"), state)  # same size, same moment
    assert "AAAA" in first.path("my-reply").read_text("utf-8")


@pytest.mark.parametrize("writers", [8])
def test_saves_at_the_same_moment_keep_every_version(tmp_path, writers):
    stores = [PersonalStore(tmp_path, keep=50) for _ in range(writers)]
    stores[0].save("my-reply", template("Version start"), None)
    barrier = threading.Barrier(writers)

    def save(number: int) -> None:
        barrier.wait()  # all at once: the saves land within a millisecond or two
        stores[number].save("my-reply", template(f"Version {number:04d}"), None, force=True)

    threads = [threading.Thread(target=save, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    kept = [stores[0].read_version(v) for v in stores[0].history("my-reply")]
    kept.append(stores[0].path("my-reply").read_text("utf-8"))
    for number in range(writers):
        assert sum(f"Version {number:04d}" in text for text in kept) == 1, number
    assert sum("Version start" in text for text in kept) == 1
