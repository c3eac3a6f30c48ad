import re

import pytest
from playwright.sync_api import expect

from members.models import Organisation
from tests.members.factories import OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_partner_finds_a_member_from_the_home_page(page, screenshot_dir):
    sms = OrganisationFactory(
        name="State Migration Service",
        acronym="SMS",
        kind=Organisation.Kind.GOVERNMENT,
        description="Responsible for migration management.",
    )
    OrganisationFactory(name="UNICEF Azerbaijan", kind=Organisation.Kind.UN_AGENCY)
    PersonFactory(
        name="Rashad Aliyev",
        organisation=sms,
        consent_public_listing=True,
        email="rashad@example.org",
    )

    page.goto("/")
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Members"
    ).click()
    expect(page.get_by_role("heading", name="Members of the network")).to_be_visible()
    page.get_by_label("Kind").select_option("government")
    page.get_by_role("button", name="Apply").click()

    expect(page).to_have_url(re.compile(r"kind=government"))
    expect(page.get_by_text("UNICEF Azerbaijan")).to_have_count(0)
    page.get_by_role("link", name="State Migration Service").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("State Migration Service")
    expect(page.get_by_text("Rashad Aliyev")).to_be_visible()
    expect(page.get_by_text("rashad@example.org")).to_have_count(0)
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / "member-detail-desktop.png", full_page=True)


def test_directory_usable_on_a_phone(phone_page, screenshot_dir):
    OrganisationFactory.create_batch(4)

    phone_page.goto("/en/members/")
    phone_page.get_by_role("button", name="Toggle navigation").click()

    expect(phone_page.get_by_role("link", name="Members").first).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    if screenshot_dir:
        phone_page.screenshot(path=screenshot_dir / "members-phone.png", full_page=True)
