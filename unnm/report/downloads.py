"""The report as a PDF for A4 paper (WeasyPrint) and as a Word document to edit (python-docx)."""

import io

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.translation import gettext as _


def pdf(context, base_url):
    """The report's print template laid out on A4 by WeasyPrint (Debian's Pango, DejaVu fonts)."""
    from weasyprint import CSS, HTML  # loads Pango: only when a PDF is asked for

    html = render_to_string("report/report_print.html", context)
    stylesheet = CSS(filename=finders.find("css/report-print.css"))
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=[stylesheet])


def docx(context):
    """The same sections and tables as a Word document, for the secretariat to edit."""
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.name = "DejaVu Sans"
    document.styles["Normal"].font.size = Pt(10)
    document.core_properties.title = context["title"]
    document.add_heading(context["title"], level=0)
    document.add_paragraph(context["period_text"])
    for section in context["sections"]:
        document.add_heading(section.title, level=1)
        for paragraph in section.paragraphs:
            document.add_paragraph(paragraph)
        for table in section.tables:
            document.add_heading(table.caption, level=2)
            if not table.rows:
                document.add_paragraph(_("None in the period."))
                continue
            grid = document.add_table(rows=1, cols=len(table.header))
            grid.style = "Table Grid"
            for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
                cell.text = str(text)
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in table.rows:
                for cell, text in zip(grid.add_row().cells, row, strict=True):
                    cell.text = str(text)
    document.add_paragraph(
        _("Prepared by %(secretariat)s from the network's records.")
        % {"secretariat": settings.UNNM_SECRETARIAT_NAME}
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
