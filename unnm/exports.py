"""CSV downloads: the one writer every export of the site goes through, safe in a spreadsheet."""

import csv
from decimal import Decimal

from django.http import HttpResponse

# A spreadsheet reads a cell that starts with one of these as a formula ("CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """
    A value as a CSV cell that no spreadsheet runs: text that could start a formula gets a
    leading apostrophe, which spreadsheets take as "this is text". Numbers stay numbers (a
    negative amount is -1500, not text: a number cannot carry a formula); None is empty.
    """
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(filename, header, rows):
    """A CSV file to download: `header`, then `rows`, each cell through spreadsheet_cell()."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # a byte-order mark: spreadsheet programs then read UTF-8
    writer = csv.writer(response)
    writer.writerow([spreadsheet_cell(value) for value in header])
    writer.writerows([spreadsheet_cell(value) for value in row] for row in rows)
    return response
