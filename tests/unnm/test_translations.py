"""
The interface catalogues ship complete: every message translated, none fuzzy, the placeholders of
each translation the same as the English, and the catalogues up to date with the source strings.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
LOCALE = BASE_DIR / "locale"
LANGUAGES = {"az": 2, "ru": 3}  # language code: number of plural forms

# %(name)s and %(n)d (Python format), {name} (the mail templates' str.format) and HTML tags.
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w+\}|</?[a-zA-Z][^>]*>")


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def catalogue_problems(path, nplurals):
    """What keeps a catalogue from being complete, one line per problem."""
    po = polib.pofile(str(path))
    problems = []
    if f"nplurals={nplurals};" not in po.metadata.get("Plural-Forms", "").replace(" ", ""):
        problems.append(f"Plural-Forms should have nplurals={nplurals}")
    for entry in po:
        if entry.obsolete:
            continue
        label = f"{entry.msgid!r} (line {entry.linenum})"
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {label}")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(k, "") for k in range(nplurals)]
            if len(entry.msgstr_plural) != nplurals or not all(forms):
                problems.append(f"untranslated plural form: {label}")
            expected = placeholders(entry.msgid_plural)
            problems += [
                f"placeholders differ in form {k} ({form!r}): {label}"
                for k, form in enumerate(forms)
                if form and placeholders(form) != expected
            ]
        elif not entry.msgstr:
            problems.append(f"untranslated: {label}")
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            problems.append(f"placeholders differ ({entry.msgstr!r}): {label}")
    return problems


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_catalogue_is_complete(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"

    problems = catalogue_problems(path, LANGUAGES[language])

    assert problems == []


def test_catalogue_problems_finds_untranslated_fuzzy_and_changed_placeholders(tmp_path):
    path = tmp_path / "django.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);\\n"\n\n'
        'msgid "Meetings"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Members"\nmsgstr "Члены сети"\n\n'
        'msgid "Answers closed on %(date)s."\nmsgstr "Прием ответов закрыт."\n\n'
        'msgid "Your answer: {meeting}"\nmsgstr "Ваш ответ: {встреча}"\n\n'
        'msgid "%(counter)s meeting"\nmsgid_plural "%(counter)s meetings"\n'
        'msgstr[0] "%(counter)s встреча"\nmsgstr[1] "%(counter)s встречи"\nmsgstr[2] ""\n\n'
        'msgid "Done"\nmsgstr "Выполнено"\n',
        encoding="utf-8",
    )

    problems = catalogue_problems(path, 3)

    assert [problem.split(":")[0] for problem in problems] == [
        "untranslated",
        "fuzzy",
        "placeholders differ ('Прием ответов закрыт.')",
        "placeholders differ ('Ваш ответ",
        "untranslated plural form",
    ]
    assert catalogue_problems(path, 2)[0] == "Plural-Forms should have nplurals=2"


def copy_of_the_sources(target):
    """The project's code, templates and catalogues, without the venv, tests or data files."""
    skip = {
        *(".venv", ".git", "tests", "static", "staticfiles", "media", "private-media"),
        *("bench", "bench-results"),  # the bench's results, and the peer's venv (bench/peer.py)
    }
    for item in BASE_DIR.iterdir():
        if item.name in skip or item.name.startswith("."):
            continue
        if item.is_dir():
            shutil.copytree(item, target / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        elif item.suffix == ".py":
            shutil.copy2(item, target / item.name)


def test_catalogues_are_up_to_date_with_the_source_strings(tmp_path):
    """
    Refreshing the catalogues (`make messages`) on a copy of the sources adds no message and
    makes none fuzzy: every string marked for translation has its translations in the repository.
    """
    copy_of_the_sources(tmp_path)
    env = {**os.environ, "DJANGO_DEBUG": "1", "DATABASE_URL": ""}

    subprocess.run(
        [sys.executable, "manage.py", "makemessages", *(f"-l{code}" for code in LANGUAGES)],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )

    for language, nplurals in LANGUAGES.items():
        path = tmp_path / "locale" / language / "LC_MESSAGES" / "django.po"
        assert catalogue_problems(path, nplurals) == [], (
            f"{language}: the catalogue is out of date; run `make messages` and translate"
        )
