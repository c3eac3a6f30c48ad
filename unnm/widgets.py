"""Form widgets the public pages share."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class LongSelect(forms.Select):
    """
    A select whose options are written in Python, where Django's `Select` renders a template
    for each option: a filter listing hundreds of organisations is drawn in a millisecond, not
    in tens. The same markup as `Select`, for choices without groups.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        options, selected = [], False
        for option_value, label in self.choices:
            option_value = "" if option_value is None else str(option_value)
            # As Select: only the first option with the chosen value is selected.
            is_selected = not selected and option_value in chosen
            selected = selected or is_selected
            options.append((option_value, " selected" if is_selected else "", label))
        return format_html(
            '<select name="{}"{}>\n{}\n</select>',
            name,
            flatatt(self.build_attrs(self.attrs, attrs)),
            format_html_join("\n", '<option value="{}"{}>{}</option>', options),
        )
