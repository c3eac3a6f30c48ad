"""
The report as sections of text, tables and charts: one description that the page, the PDF and
the Word document all render, so that the three always have the same sections and numbers.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from unnm.report.charts import bar_chart
from unnm.report.figures import Row


@dataclass
class Table:
    caption: str
    header: list
    rows: list  # lists of cells: text, or numbers
    numeric: list = field(init=False)

    def __post_init__(self):
        """The columns of numbers, aligned right in print."""
        self.numeric = [
            index
            for index in range(len(self.header))
            if self.rows and all(isinstance(row[index], int | Decimal) for row in self.rows)
        ]


@dataclass
class Section:
    key: str
    title: str
    paragraphs: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    chart: str = ""  # inline SVG, beside the first table


def day(value):
    return date_format(value, "DATE_FORMAT") if value else "—"


def sections(report):
    return [
        meetings_section(report),
        actions_section(report),
        work_plan_section(report),
        coverage_section(report),
        members_section(report),
    ]


def meetings_section(report):
    held = len(report.meetings)
    paragraphs = [
        ngettext(
            "%(count)d meeting of the network was held in the period.",
            "%(count)d meetings of the network were held in the period.",
            held,
        )
        % {"count": held},
        _(
            "%(organisations)d organisations took part, with %(people)d people recorded "
            "(participation and check-in)."
        )
        % {"organisations": report.organisations, "people": report.people},
    ]
    if report.people_unrecorded:
        paragraphs.append(
            ngettext(
                "The number of people was not recorded for %(count)d participation.",
                "The number of people was not recorded for %(count)d participations.",
                report.people_unrecorded,
            )
            % {"count": report.people_unrecorded}
        )
    if report.cancelled:
        paragraphs.append(
            ngettext(
                "%(count)d meeting was cancelled.",
                "%(count)d meetings were cancelled.",
                report.cancelled,
            )
            % {"count": report.cancelled}
        )
    participation = Table(
        _("Participation by kind of organisation"),
        [_("Kind of organisation"), _("Organisations"), _("Participations"), _("People")],
        [[row.label, *row.values] for row in report.participation],
    )
    return Section(
        "meetings",
        _("Meetings"),
        paragraphs,
        [
            participation,
            Table(
                _("Meetings held by kind and format"),
                [_("Kind"), *report.formats, _("Total")],
                [[row.label, *row.values] for row in report.meetings_by_kind],
            ),
            Table(
                _("Meetings held"),
                [_("Date"), _("Meeting"), _("Kind"), _("Format")],
                [
                    [
                        day(m.local_start.date()),
                        m.title,
                        m.get_kind_display(),
                        m.get_format_display(),
                    ]
                    for m in report.meetings
                ],
            ),
        ],
        bar_chart(
            "chart-participation",
            _("Organisations taking part, by kind"),
            report.participation,
        ),
    )


def actions_section(report):
    total = report.actions_total.values
    return Section(
        "actions",
        _("Action points"),
        [
            _(
                "%(opened)d action points were opened and %(closed)d closed in the period; "
                "%(open)d were still open at its end."
            )
            % {"opened": total[0], "closed": total[1], "open": total[2]}
        ],
        [
            Table(
                _("Action points by responsible organisation"),
                [_("Organisation"), _("Opened"), _("Closed"), _("Still open")],
                [[row.label, *row.values] for row in report.actions] + [[_("Total"), *total]],
            )
        ],
    )


def work_plan_section(report):
    tables = [
        Table(
            _("Activities by GCM objective"),
            [_("GCM objective"), _("Activities")],
            [[row.label, *row.values] for row in report.by_objective],
        ),
        Table(
            _("Activities by status"),
            [_("Status"), _("Activities")],
            [[row.label, *row.values] for row in report.by_status],
        ),
        Table(
            _("Activities by UNSDCF priority"),
            [_("Priority"), _("Activities")],
            [[row.label, *row.values] for row in report.by_priority],
        ),
        Table(
            _("Budget and funding"),
            [_("Activity"), _("Budget"), _("Funding")],
            [
                [
                    a.title,
                    f"{number_format(a.budget, 2, force_grouping=True)} {a.currency}"
                    if a.budget is not None
                    else "—",
                    a.funding or "—",
                ]
                for a in report.funded
            ]
            + [
                [
                    _("Total (%(currency)s)") % {"currency": row.label},
                    number_format(row.values[0], 2, force_grouping=True),
                    "",
                ]
                for row in report.budgets
            ],
        ),
        Table(
            _("Progress updates of the period"),
            [_("Date"), _("Activity"), _("Progress")],
            [[day(u.date), u.activity.title, u.text] for u in report.updates],
        ),
        Table(
            _("Synergies: activities with partners"),
            [_("Activity"), _("Lead"), _("Partners")],
            [
                [a.title, a.lead.short_name, ", ".join(p.short_name for p in a.partners.all())]
                for a in report.synergies
            ],
        ),
    ]
    count = len(report.activities)
    return Section(
        "work-plan",
        _("Work plan"),
        [
            ngettext(
                "%(count)d work-plan activity ran in the period.",
                "%(count)d work-plan activities ran in the period.",
                count,
            )
            % {"count": count}
        ],
        tables,
        bar_chart("chart-objectives", _("Activities by GCM objective"), report.by_objective),
    )


def coverage_section(report):
    first, last = report.coverage_days
    rows = [
        [_("Addressed (work under way or done)"), len(report.addressed)],
        [_("Planned only"), len(report.planned_only)],
        [_("Not addressed"), len(report.not_addressed)],
    ]

    return Section(
        "coverage",
        _("Coverage of the GCM objectives"),
        [
            _("From the work plan as it stands at the time of the report."),
            _(
                "How it changed over the period: the coverage on %(first)s and on %(last)s, "
                "from the activities' dates, their progress updates and the day each was "
                "entered."
            )
            % {"first": day(first), "last": day(last)},
        ],
        [
            Table(_("GCM objectives by coverage"), [_("Coverage"), _("Objectives")], rows),
            Table(
                _("Coverage at the start and at the end of the period"),
                [_("Coverage"), day(first), day(last), _("Change")],
                [[row.label, *row.values] for row in report.coverage_change],
            ),
            Table(
                _("Objectives whose coverage changed"),
                [_("GCM objective"), day(first), day(last)],
                [[row.label, *row.values] for row in report.coverage_moves],
            ),
            Table(
                _("Objectives by coverage"),
                [_("Coverage"), _("GCM objectives")],
                [
                    [label, ", ".join(str(o.number) for o in objectives) or "—"]
                    for label, objectives in (
                        (rows[0][0], report.addressed),
                        (rows[1][0], report.planned_only),
                        (rows[2][0], report.not_addressed),
                    )
                ],
            ),
        ],
        bar_chart(
            "chart-coverage",
            _("GCM objectives by coverage"),
            [Row(label, [value]) for label, value in rows],
            colour=1,
        ),
    )


def members_section(report):
    return Section(
        "members",
        _("Members"),
        [
            _("%(joined)d organisations joined the network and %(left)d left it.")
            % {"joined": len(report.joined), "left": len(report.left)}
        ],
        [
            Table(
                _("Members who joined or left, by kind"),
                [_("Kind of organisation"), _("Joined"), _("Left")],
                [[row.label, *row.values] for row in report.members_by_kind],
            ),
            Table(
                _("Organisations that joined"),
                [_("Organisation"), _("Kind"), _("Member since")],
                [[o.name, o.get_kind_display(), day(o.member_since)] for o in report.joined],
            ),
            Table(
                _("Organisations that left"),
                [_("Organisation"), _("Kind")],
                [[o.name, o.get_kind_display()] for o in report.left],
            ),
        ],
    )
