"""
The network's date formats (settings.FORMAT_MODULE_PATH), where Django's own differ from how the
network writes dates. Pages and mails name a format (DATE_FORMAT, DATETIME_FORMAT...), never a
pattern, so that each language writes a date its own way: "31 May 2021", "31 мая 2021 г.",
"31 may 2021".

Azerbaijani keeps Django's formats ("j E Y"), whose `E` is the month as it is written inside a
date ("alt. month"). Django's Azerbaijani catalogue capitalises those names, but Azerbaijani
writes months in lower case ("13 dekabr 2026"): this project's catalogue translates them again
(locale/az), and MONTHS_IN_A_DATE lists them here so that `makemessages` keeps them.
"""

from django.utils.translation import pgettext_lazy

MONTHS_IN_A_DATE = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
