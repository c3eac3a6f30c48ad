"""LongSelect: the markup of Django's Select, written without a template per option."""

import re

import pytest
from django import forms

from unnm.widgets import LongSelect

CHOICES = [("", "Any organisation"), ("a-b", 'A & "B" <i>'), (1, "One"), ("a-b", "Twice")]


def normalised(html):
    """Attributes in order and whitespace between tags ignored."""
    html = re.sub(r">\s+<", "><", html)
    return re.sub(r"<(\w+) ([^>]*)>", lambda m: f"<{m[1]} {' '.join(sorted(m[2].split()))}>", html)


@pytest.mark.parametrize("value", [None, "", "a-b", 1, "no-such-value"])
def test_long_select_writes_what_select_writes(value):
    attrs = {"id": "id_organisation", "class": "form-select", "required": True}

    ours = LongSelect(choices=CHOICES).render("organisation", value, attrs)
    django = forms.Select(choices=CHOICES).render("organisation", value, attrs)

    assert normalised(ours) == normalised(django)
    assert "<i>" not in ours and "&lt;i&gt;" in ours
    assert ours.count(" selected") == (value != "no-such-value")
