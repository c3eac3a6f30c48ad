"""
The built-in reference data carries Russian and Azerbaijani texts next to the English, each with
its source, and says which are unverified or unofficial.
"""

import json
from pathlib import Path

import pytest

REFERENCE = Path(__file__).resolve().parents[2] / "frameworks" / "reference"

# file, the English text's key, the key stem of the translated texts ("title" -> "title_ru")
DATASETS = [
    ("gcm_objectives.json", "title", "title"),
    ("gcm_guiding_principles.json", "name", "name"),
    ("sdg_migration_targets.json", "text", "text"),
]


def read(name):
    return json.loads((REFERENCE / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "english", "stem"), DATASETS)
def test_every_entry_has_russian_and_azerbaijani_text_with_its_source(name, english, stem):
    entries = read(name)

    missing = [
        entry[english]
        for entry in entries
        if not all(entry.get(key) for key in (f"{stem}_ru", f"{stem}_az", "source_ru", "source_az"))
    ]

    assert entries
    assert missing == []


@pytest.mark.parametrize(("name", "english", "stem"), DATASETS)
def test_unverified_and_unofficial_texts_say_so_in_their_source(name, english, stem):
    entries = read(name)

    unverified = [e for e in entries if e[f"{stem}_ru_verified"] is False]
    unofficial = [e for e in entries if e[f"{stem}_az_official"] is False]

    assert all(type(e[f"{stem}_ru_verified"]) is bool for e in entries)
    assert all(type(e[f"{stem}_az_official"]) is bool for e in entries)
    assert all(e["source_ru"].startswith("UNVERIFIED") for e in unverified)
    assert all("unofficial translation by the project" in e["source_az"] for e in unofficial)
    assert all(
        "unofficial" not in e["source_az"] for e in entries if e[f"{stem}_az_official"] is True
    )


def test_no_azerbaijani_objective_title_claims_an_official_source():
    """No Azerbaijani publication of the GCM objectives was found (see reference/SOURCES.md)."""
    objectives = read("gcm_objectives.json")

    assert [o["number"] for o in objectives if o["title_az_official"]] == []
    assert all(o["short_label_ru"] and o["short_label_az"] for o in objectives)


def test_translated_texts_leave_the_english_reference_unchanged():
    objectives = read("gcm_objectives.json")

    assert objectives[0]["title"] == (
        "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"
    )
    assert objectives[0]["title_ru"] == (
        "Сбор и использование точных и дезагрегированных данных в качестве основы для выработки "
        "эмпирически обоснованной политики"
    )
    assert objectives[0]["title_ru_verified"] is True
