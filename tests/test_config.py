"""Settings layers: defaults < file < environment < flags, merged key by key."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sujet.config import Settings, get_settings, with_flags
from sujet.errors import InputError


@pytest.fixture
def layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A settings file named by SUJET_CONFIG and a clean SUJET_* environment."""
    for name in list(os.environ):
        if name.startswith("SUJET_"):
            monkeypatch.delenv(name)
    path = tmp_path / "sujet.toml"
    path.write_text(
        '[fetch]\ntimeout_s = 5\nretries = 1\nuser_agent = "file-agent"\n'
        '[stories]\nevent_window_days = 3\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("SUJET_CONFIG", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def test_each_layer_overrides_only_the_keys_it_names(
    layers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    defaults = Settings.model_construct()
    assert Settings().fetch.timeout_s == 5  # the file over the defaults
    monkeypatch.setenv("SUJET_FETCH__RETRIES", "7")
    monkeypatch.setenv("SUJET_FETCH__USER_AGENT", "env-agent")
    loaded = Settings()
    # An environment variable of a section leaves the file's other keys of that section alone.
    assert loaded.fetch.timeout_s == 5
    assert loaded.fetch.retries == 7
    assert loaded.fetch.user_agent == "env-agent"
    assert loaded.stories.event_window_days == 3
    assert loaded.fetch.backoff_s == defaults.fetch.backoff_s == 0.5
    # Flags over everything, again key by key, as keyword arguments or over loaded settings.
    flagged = Settings(fetch={"retries": 9})  # type: ignore[arg-type]  # merged as a table
    assert (flagged.fetch.timeout_s, flagged.fetch.retries) == (5, 9)
    assert flagged.fetch.user_agent == "env-agent"
    over = with_flags(loaded, {"fetch": {"allow_private": True}, "db": "sqlite:///x.sqlite"})
    assert over.fetch.allow_private and over.db == "sqlite:///x.sqlite"
    assert (over.fetch.timeout_s, over.fetch.retries) == (5, 7)
    assert with_flags(loaded, {}) is loaded


def test_the_environment_wins_even_when_it_names_the_default(
    layers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUJET_FETCH__TIMEOUT_S", "15")  # the default value, over the file's 5
    assert Settings().fetch.timeout_s == 15


def test_get_settings_is_the_layered_settings(layers: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUJET_FETCH__RETRIES", "7")
    got = get_settings()
    assert (got.fetch.timeout_s, got.fetch.retries) == (5, 7)


def test_flags_are_validated(layers: Path) -> None:
    with pytest.raises(ValueError):
        with_flags(Settings(), {"executor": "threads"})


def test_a_broken_settings_file_is_a_coded_input_error(layers: Path) -> None:
    layers.write_text("[fetch\ntimeout_s = ", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        Settings()
    assert caught.value.code == "E100" and caught.value.source == str(layers)


def test_no_file_means_defaults_and_environment(
    layers: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUJET_CONFIG", str(layers.with_name("absent.toml")))
    monkeypatch.setenv("SUJET_FETCH__RETRIES", "7")
    loaded = Settings()
    assert (loaded.fetch.timeout_s, loaded.fetch.retries) == (15, 7)
