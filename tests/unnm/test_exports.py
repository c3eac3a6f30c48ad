import csv
import io
from decimal import Decimal

import pytest

from unnm.exports import csv_response, spreadsheet_cell


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_that_starts_a_formula_becomes_text(start):
    assert spreadsheet_cell(f"{start}1+1") == f"'{start}1+1"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("Data assessment", "Data assessment"),
        ("a = b", "a = b"),
        ("", ""),
        (None, ""),
        (42, 42),
        (Decimal("-1500.00"), Decimal("-1500.00")),
        (-2.5, -2.5),
        ("-1500", "'-1500"),  # text that looks like a number is still text
    ],
)
def test_numbers_stay_numbers_and_plain_text_is_untouched(value, cell):
    assert spreadsheet_cell(value) == cell


def test_csv_response_writes_every_cell_through_the_same_writer():
    response = csv_response("plan.csv", ["=title", "amount"], [["=1+1", Decimal("-3")]])

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="plan.csv"'
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(content.lstrip("\ufeff")))) == [
        ["'=title", "amount"],
        ["'=1+1", "-3"],
    ]
