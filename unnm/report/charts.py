"""
Accessible bar charts drawn as inline SVG on the server (no JavaScript, nothing from a CDN):
each has a title and a description that says every number, and the page puts the same numbers
in a table beside it.
"""

from django.utils.html import format_html, format_html_join
from django.utils.text import get_text_list

ROW_HEIGHT = 26
LABEL_WIDTH = 270
BAR_WIDTH = 300
BAR_COLOURS = ("#1a5a96", "#8a4f00")  # 7:1 and 5.9:1 against white


def bar_chart(chart_id, title, rows, *, value_index=0, colour=0):
    """A horizontal bar per row (`Row.label`, `Row.values[value_index]`)."""
    values = [row.values[value_index] for row in rows]
    top = max(values, default=0) or 1
    height = ROW_HEIGHT * max(len(rows), 1) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 50
    description = get_text_list(
        [f"{row.label}: {value}" for row, value in zip(rows, values, strict=True)], "; "
    )
    bars = format_html_join(
        "",
        '<g transform="translate(0,{})">'
        '<text x="{}" y="17" text-anchor="end" font-size="12">{}</text>'
        '<rect x="{}" y="4" width="{}" height="18" fill="{}"></rect>'
        '<text x="{}" y="17" font-size="12">{}</text></g>',
        (
            (
                index * ROW_HEIGHT,
                LABEL_WIDTH - 8,
                shorten(row.label),
                LABEL_WIDTH,
                round(BAR_WIDTH * value / top, 1),
                BAR_COLOURS[colour],
                LABEL_WIDTH + round(BAR_WIDTH * value / top, 1) + 6,
                value,
            )
            for index, (row, value) in enumerate(zip(rows, values, strict=True))
        ),
    )
    return format_html(
        '<svg class="report-chart" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{bars}</svg>',
        id=chart_id,
        w=width,
        h=height,
        title=title,
        desc=description,
        bars=bars,
    )


def shorten(label, length=38):
    return label if len(label) <= length else f"{label[: length - 1]}…"
