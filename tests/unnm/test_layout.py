"""The layout's rules (README, "Layout"): modules stay small enough to read."""

from pathlib import Path

from django.conf import settings

MAX_LINES = 500
APPS = ("unnm", "members", "meetings", "frameworks", "portal")


def modules():
    root = Path(settings.BASE_DIR)
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            relative = path.relative_to(root)
            # Migrations are generated; demo data is data written as code.
            if (
                "migrations" in relative.parts
                or path.stem == "demo"
                or path.stem.startswith("demo_")
            ):
                continue
            yield relative, len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_the_size_limit():
    checked = dict(modules())

    assert len(checked) > 40
    assert {str(path): lines for path, lines in checked.items() if lines > MAX_LINES} == {}


def test_members_names_no_other_app():
    root = Path(settings.BASE_DIR) / "members"
    named = {
        str(path.relative_to(root)): app
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        for app in ("meetings", "frameworks")
        if f"{app}." in path.read_text(encoding="utf-8")
        or f'"{app}"' in path.read_text(encoding="utf-8")
    }

    assert named == {}
