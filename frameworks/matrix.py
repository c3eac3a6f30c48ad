"""The cells of the UNSDCF x GCM matrix (`frameworks.views.MatrixView`), built in Python for the
hundreds of cells of a matrix."""

import functools
import html
from dataclasses import dataclass

from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from frameworks.models import GCMObjective


def heat_level(count):
    """The colour step of a matrix cell: 0 (none) to 4 (five links or more)."""
    if count >= 5:
        return 4
    if count >= 3:
        return 3
    return count


@functools.lru_cache(maxsize=1024)
def localized(number, language):
    """A count as the page shows it, localised once per number and language, not per cell."""
    return formats.localize(number)


@dataclass(slots=True)
class Cell:
    """One cell of the matrix: its count, the address of the links behind it, and the words a
    screen reader says for it (the count alone is hidden from it)."""

    objective: GCMObjective
    count: int
    url: str
    label: str
    shown: str  # the count, localised
    scale: str = "heat"  # the colour scale: "heat" (the mapping) or "heat-act" (the work plan)
    level: int = 0
    css: str = ""  # the colour step's class

    def __post_init__(self):
        self.level = heat_level(self.count)
        self.css = f"{self.scale}-{self.level}"

    def __html__(self):
        """The cell as the table shows it: built here, not by the template, for the hundreds of
        cells of a matrix (a template would look up each of their attributes in turn). Escaped
        as the template would (Django's `escape` is `html.escape`, behind a lazy-text wrapper
        that costs more than the escaping)."""
        content = (
            f'<span aria-hidden="true">{html.escape(str(self.shown))}</span>'
            f'<span class="visually-hidden">{html.escape(str(self.label))}</span>'
        )
        if self.count:
            content = f'<a href="{html.escape(self.url)}">{content}</a>'
        return f'<td class="heat {self.css}">{content}</td>'


def cells_html(cells):
    return mark_safe("".join(cell.__html__() for cell in cells))  # each part escaped above


def objective_heads_html(objectives):
    """
    The table's column heads, one per GCM objective (`objective.url` set by the view): its
    number and a few letters for the eye, its full title for a screen reader and a tooltip.
    Built here for the same reason as the cells: 23 columns of five look-ups each.
    """
    word = html.escape(_("Objective"))
    heads = []
    for objective in objectives:
        number = html.escape(str(objective.number))
        title = html.escape(str(objective.title))
        heads.append(
            f'<th scope="col" class="matrix-objective"><a href="{html.escape(objective.url)}"'
            f' title="{number}. {title}"><span aria-hidden="true">{number}'
            f'<abbr class="matrix-abbr">{html.escape(objective.abbreviation)}</abbr></span>'
            f'<span class="visually-hidden">{word} {number}: {title}</span></a></th>'
        )
    return mark_safe("".join(heads))  # each part escaped above


def objective_key_html(objectives):
    """The key under the table: each objective's number and short label, to its page."""
    return mark_safe(
        "".join(
            f'<li value="{objective.number}"><a href="{html.escape(objective.url)}">'
            f"{html.escape(str(objective.short_label))}</a></li>"
            for objective in objectives
        )
    )
