import re

import pytest
from playwright.sync_api import expect

from frameworks.demo import ensure_reference_data
from frameworks.models import Activity
from tests.frameworks.factories import (
    ActivityFactory,
    CooperationFrameworkFactory,
    ObjectiveLinkFactory,
    OutcomeFactory,
    ProgressUpdateFactory,
    StrategicPriorityFactory,
    objective,
)
from tests.members.factories import OrganisationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def reference_data():
    """
    Transactional tests empty every table when they end, the built-in reference data with it:
    load it again the way a fresh install does, with the data migration's own function.
    """
    ensure_reference_data()


@pytest.fixture
def mapping(reference_data):
    framework = CooperationFrameworkFactory(
        title="UN-Azerbaijan Sustainable Development Cooperation Framework 2021-2025"
    )
    priority = StrategicPriorityFactory(
        framework=framework,
        number=1,
        title="Inclusive Growth that Reduces Vulnerability and Builds Resilience",
    )
    outcome = OutcomeFactory(priority=priority, number="1.1", short_name="Decent work")
    ObjectiveLinkFactory(
        outcome=outcome, objective=objective(6), rationale="Fair recruitment for migrant workers."
    )
    ObjectiveLinkFactory(outcome=outcome, objective=objective(18))
    iom = OrganisationFactory(name="IOM Azerbaijan", acronym="IOM")
    activity = ActivityFactory(
        title="Pre-departure orientation for labour migrants",
        lead=iom,
        partners=[OrganisationFactory(name="ILO", acronym="ILO")],
        gcm_objectives=[objective(6)],
        outcomes=[outcome],
        status=Activity.Status.ONGOING,
    )
    ProgressUpdateFactory(activity=activity, text="First sessions held in Baku.")
    return outcome


def test_partner_goes_from_home_to_matrix_cell_objective_and_activity(
    page, mapping, screenshot_dir
):
    page.goto("/")
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Frameworks"
    ).click()
    expect(page.get_by_role("heading", name="UNSDCF × GCM matrix")).to_be_visible()
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "matrix-desktop.png", full_page=True)

    page.get_by_role("row", name=re.compile("Decent work")).get_by_role(
        "link", name="1 link to objective 6, Recruitment and decent work"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Outcome 1.1 × GCM objective 6")
    expect(page.get_by_text("Fair recruitment for migrant workers.")).to_be_visible()

    page.get_by_role("link", name=re.compile("GCM objective 6: Facilitate fair")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Facilitate fair and ethical recruitment"
    )
    # An outcome without its official wording reads by its short name, marked nothing.
    expect(page.get_by_text("Decent work").first).to_be_visible()
    expect(page.get_by_text("official wording to be completed by staff")).to_have_count(0)
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "objective-desktop.png", full_page=True)

    page.get_by_role("link", name="Pre-departure orientation for labour migrants").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Pre-departure orientation for labour migrants"
    )
    expect(page.get_by_text("First sessions held in Baku.")).to_be_visible()
    expect(page.get_by_text("Synergy: joins the work of several members")).to_be_visible()


def test_matrix_and_objective_page_fit_a_phone(phone_page, mapping, screenshot_dir):
    phone_page.goto("/en/frameworks/")

    table = phone_page.locator(".matrix-scroll")
    expect(table).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    # The table scrolls sideways inside its frame, the row headers stay in view.
    assert table.evaluate("el => el.scrollWidth > el.clientWidth")
    table.evaluate("el => el.scrollLeft = 400")
    header = phone_page.get_by_role("rowheader", name=re.compile("Decent work"))
    assert header.bounding_box()["x"] < 30
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "matrix-phone.png", full_page=True)

    phone_page.goto(objective(6).get_absolute_url())
    expect(phone_page.get_by_role("heading", level=1)).to_contain_text("Facilitate fair")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "objective-phone.png", full_page=True)


def test_work_plan_filter_by_objective_in_the_browser(page, mapping):
    ActivityFactory(title="Border management training", gcm_objectives=[objective(11)])

    page.goto("/en/frameworks/work-plan/")
    page.get_by_label("GCM objective", exact=True).select_option("6")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"objective=6"))
    expect(page.get_by_text("Border management training")).to_have_count(0)
    expect(
        page.get_by_role("link", name="Pre-departure orientation for labour migrants")
    ).to_be_visible()


# Where each column of the objectives' key ends and the next column's numbers begin.
KEY_CLEARANCE = """() => {
  const items = [...document.querySelectorAll(".objective-key li")];
  const probe = document.createElement("span");
  probe.textContent = "23.\\u00a0";
  probe.style.font = getComputedStyle(items[0]).font;
  probe.style.position = "absolute";
  document.body.append(probe);
  const number = probe.getBoundingClientRect().width;
  probe.remove();
  const left = li => Math.round(li.getBoundingClientRect().left);
  const columns = [...new Set(items.map(left))].sort((a, b) => a - b);
  const textEnd = li => {
    const range = document.createRange();
    range.selectNodeContents(li);
    return Math.max(...[...range.getClientRects()].map(rect => rect.right));
  };
  let clearance = Infinity;
  for (const li of items) {
    const next = columns[columns.indexOf(left(li)) + 1];
    if (next !== undefined) clearance = Math.min(clearance, next - number - textEnd(li));
  }
  return {columns: columns.length, clearance};
}"""


def test_objectives_key_in_russian_keeps_its_columns_apart(page, mapping):
    """The longest Russian labels end before the next column's numbers ("21.") begin."""
    page.goto("/ru/frameworks/")

    key = page.evaluate(KEY_CLEARANCE)

    assert key["columns"] == 3
    assert key["clearance"] >= 0
