"""
Demo data: Azerbaijan's UNSDCF 2021-2025, as far as the verified reference data goes.

The priority titles are verbatim from the framework's table of contents. The official outcome
statements could not be read, so each outcome carries only its short name and an empty
statement: the site shows it as a placeholder for staff to complete from the signed document.
"""

import datetime
import json
from pathlib import Path

from frameworks.models import CooperationFramework, Outcome, StrategicPriority

REFERENCE = Path(__file__).resolve().parent / "reference" / "unsdcf_azerbaijan_2021_2025.json"


def load_framework():
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    framework, _ = CooperationFramework.objects.update_or_create(
        short_title="UNSDCF Azerbaijan",
        start_year=2021,
        defaults={
            "title": "UN-Azerbaijan Sustainable Development Cooperation Framework 2021-2025",
            "country": "Azerbaijan",
            "end_year": 2025,
            "signed_on": datetime.date.fromisoformat(data["signed"]["date"]),
            "source": "\n".join(data["source"]),
            "is_demo": True,
        },
    )
    for priority_data in data["priorities"]:
        priority, _ = StrategicPriority.objects.update_or_create(
            framework=framework,
            number=priority_data["number"],
            defaults={"title": priority_data["title"]},
        )
        for index, outcome_data in enumerate(priority_data["outcomes"], start=1):
            # The statement stays empty: it is unverified, and staff complete it.
            Outcome.objects.update_or_create(
                priority=priority,
                number=f"{priority.number}.{index}",
                defaults={"short_name": outcome_data["short_name"], "order": index},
            )
    return framework


def load():
    load_framework()
