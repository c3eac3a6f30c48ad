"""
WCAG 2.1 AA on every public page, measured by axe-core in a real browser at desktop and phone
width. axe-core is vendored from its npm package in tests/vendor/axe-core (tests only: the site
never serves it).
"""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from frameworks import demo as frameworks_demo
from frameworks.models import Activity, ObjectiveLink
from meetings import demo as meetings_demo
from meetings.models import RSVP, Invitation, Meeting
from members import demo as members_demo
from members.models import Organisation
from tests.meetings.rsvp_factories import _fresh_rate_limit  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent.parent / "vendor" / "axe-core" / "axe.min.js").read_text()
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}

# page.evaluate runs through the DevTools protocol, so the site's strict CSP stays on while
# axe is injected: what the pages' own scripts do is measured under the real policy.
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary.replace(/\\s+/g, ' ')),
  }));
}"""


# The focused element's outline and its contrast against the first opaque background behind it.
FOCUS_RING = """() => {
  const el = document.activeElement;
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let node = el.parentElement, background = 'rgb(255, 255, 255)';
  while (node) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== 'transparent' && rgb(colour)[3] !== 0) { background = colour; break; }
    node = node.parentElement;
  }
  const style = getComputedStyle(el);
  const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(background))].sort((x, y) => y - x);
  return {
    id: el.id, tag: el.tagName, style: style.outlineStyle,
    width: parseFloat(style.outlineWidth), contrast: (a + 0.05) / (b + 0.05),
  };
}"""


def inject_and_run_axe(page):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE)
    return page.evaluate(RUN_AXE, AXE_TAGS)


@pytest.fixture
def public_pages():
    """Every public page, with the demo's realistic data: (name, path)."""
    members_demo.load()
    frameworks_demo.load()
    meetings_demo.load()
    past = Meeting.objects.get(slug=meetings_demo.MAY_31_SLUG)
    upcoming = (
        Meeting.objects.public()
        .upcoming()
        .filter(rsvp_settings__isnull=False, rsvp_settings__closes_at__isnull=False)
        .first()
    )
    link = ObjectiveLink.objects.filter(outcome__isnull=False).select_related("objective").first()
    rsvp = RSVP.objects.filter(meeting=upcoming).first()
    invitation = Invitation.objects.create(
        meeting=upcoming,
        organisation=Organisation.objects.get(acronym="UNFPA"),
        email="focal.point@example.org",
        name="Focal Point",
    )
    rsvp_form = reverse("meetings:rsvp-create", kwargs={"slug": upcoming.slug})
    return [
        ("home", "/en/"),
        ("meetings", reverse("meetings:meeting-list")),
        ("past-meeting", past.get_absolute_url()),
        ("upcoming-meeting", upcoming.get_absolute_url()),
        ("print", reverse("meetings:meeting-print", kwargs={"slug": past.slug})),
        ("members", reverse("members:organisation-list")),
        ("organisation", Organisation.objects.get(acronym="IOM").get_absolute_url()),
        ("matrix", reverse("frameworks:matrix")),
        (
            "matrix-cell",
            reverse(
                "frameworks:matrix-cell",
                kwargs={"pk": link.outcome_id, "number": link.objective.number},
            ),
        ),
        ("objective", reverse("frameworks:objective-detail", kwargs={"number": 2})),
        ("coverage", reverse("frameworks:coverage")),
        ("work-plan", reverse("frameworks:activity-list")),
        ("activity", Activity.objects.published().first().get_absolute_url()),
        ("privacy", reverse("privacy")),
        ("rsvp-form", rsvp_form),
        ("rsvp-manage", rsvp.get_absolute_url()),
        ("invitation", invitation.get_absolute_url()),
        # The same pages in the other languages (longer words, another script, the switcher).
        ("home-az", "/az/"),
        ("past-meeting-az", past.get_absolute_url().replace("/en/", "/az/", 1)),
        ("matrix-ru", reverse("frameworks:matrix").replace("/en/", "/ru/", 1)),
        ("rsvp-form-ru", rsvp_form.replace("/en/", "/ru/", 1)),
    ]


def check(page, name, violations, screenshot_dir, width):
    for violation in inject_and_run_axe(page):
        nodes = "\n      ".join(violation["nodes"])
        violations.append(
            f"{name} @ {width}: {violation['id']} ({violation['impact']}) {violation['help']}"
            f"\n      {nodes}"
        )
    if screenshot_dir:
        page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)


def test_every_public_page_has_no_axe_violation_at_desktop_and_phone_width(
    browser, live_server, public_pages, screenshot_dir
):
    violations = []
    upcoming_form = dict(public_pages)["rsvp-form"]
    for width, viewport in WIDTHS.items():
        context = browser.new_context(
            base_url=live_server.url, viewport=viewport, is_mobile=width == "phone"
        )
        page = context.new_page()
        page.set_default_timeout(10_000)
        for name, path in public_pages:
            page.goto(path)
            check(page, name, violations, screenshot_dir, width)

        page.goto(upcoming_form)
        page.locator("#rsvp-form").get_by_role("button", name="Send my answer").click()
        expect(page.get_by_text("Please correct the errors below")).to_be_visible()
        check(page, "rsvp-form-errors", violations, screenshot_dir, width)
        summary_ring = page.evaluate(FOCUS_RING)
        page.keyboard.press("Tab")
        link_ring = page.evaluate(FOCUS_RING)

        assert summary_ring["id"] == "rsvp-errors"  # focus moved to the error summary
        assert link_ring["tag"] == "A"  # then into its links to the fields
        for ring in (summary_ring, link_ring):
            assert ring["style"] == "solid" and ring["width"] >= 2, ring
            assert ring["contrast"] >= 3, ring

        page.get_by_label("Full name").fill(f"Axe Tester {width}")
        page.get_by_label("Email").fill(f"axe.{width}@example.org")
        page.get_by_label("Or type your organisation").fill("Baku Centre for Migration Studies")
        for mode in page.locator("#rsvp-form input[type=radio]").all()[:1]:
            mode.check()
        page.get_by_label("I have read and accept the privacy notice.").check()
        page.get_by_role("button", name="Send my answer").click()
        expect(page).to_have_url(re.compile(r"/rsvp/thanks/$"))
        check(page, "rsvp-done", violations, screenshot_dir, width)
        context.close()

    assert not violations, "axe-core found violations:\n" + "\n".join(violations)
