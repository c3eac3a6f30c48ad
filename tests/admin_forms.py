"""The POST data an admin change page would send back unchanged, built from its own forms."""

from django import forms


def form_data(form):
    data = {}
    for bound in form:
        widget, value, name = bound.field.widget, bound.value(), bound.html_name
        if isinstance(bound.field, forms.FileField):
            continue
        if isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for suffix, part in zip(widget.widgets_names, parts, strict=True):
                data[name + suffix] = "" if part is None else str(part)
        elif getattr(getattr(widget, "widget", widget), "allow_multiple_selected", False):
            data[name] = [str(item) for item in value or []]
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(item) for item in value]
        else:
            data[name] = "" if value is None else str(value)
    return data


def change_form_data(client, url, **overrides):
    """GET an admin add/change page and return its form and inline data, with `overrides`."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(form_data(formset.management_form))
        for form in formset.forms:
            data.update(form_data(form))
    data.update(overrides)
    return data
