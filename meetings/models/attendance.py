"""How a meeting's page and summary tell who took part: participations grouped by the kind of
their organisation, the sentence naming those kinds, and the count of people."""

from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

# How the meeting page names a group of participants ("UN agencies ... attended").
KIND_PLURALS = {
    "un_agency": _("UN agencies"),
    "diplomatic_mission": _("diplomatic missions"),
    "government": _("government authorities"),
    "ngo": _("NGOs"),
    "academia": _("academia"),
    "international": _("international organisations"),
    "private_sector": _("the private sector"),
    "other": _("other organisations"),
}


def kinds_present(csv):
    """The kinds of `with_kinds_present()`'s comma-separated column."""
    return set(filter(None, (csv or "").split(",")))


def group_by_kind(participations, kind_of, present):
    """
    Participations grouped by the kind of their organisation (`kind_of`), in the directory's
    order of kinds, as (kind, plural label, participations); a kind recorded as `present`
    without names (`ParticipationByKind`) is a group with no organisation listed.
    """
    groups = {kind: [] for kind in KIND_PLURALS}
    for participation in participations:
        groups.setdefault(kind_of(participation), []).append(participation)
    return [
        (kind, KIND_PLURALS.get(kind, kind), items)
        for kind, items in groups.items()
        if items or kind in present
    ]


def attendance_sentence(groups):
    """ "UN agencies, diplomatic missions and NGOs", from `group_by_kind`'s groups."""
    labels = [str(label) for _kind, label, _items in groups]
    return get_text_list(labels, _("and")) if labels else ""


def representative_count(counts):
    """The people at a meeting in all, unless a participation did not record its own."""
    if not counts or None in counts:
        return None
    return sum(counts)
