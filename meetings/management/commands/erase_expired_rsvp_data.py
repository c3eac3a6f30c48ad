from django.conf import settings
from django.core.management.base import BaseCommand

from meetings import privacy


class Command(BaseCommand):
    help = (
        "Erases the personal data of RSVPs, invitations and their mails for meetings that ended "
        "more than UNNM_RSVP_RETENTION_MONTHS months ago, keeping the anonymous counts. Safe to "
        "run daily: what is erased stays erased and is not touched again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only say what would be erased; write nothing."
        )
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Override UNNM_RSVP_RETENTION_MONTHS for this run.",
        )

    def handle(self, *args, dry_run=False, months=None, **options):
        months = settings.UNNM_RSVP_RETENTION_MONTHS if months is None else months
        if months < 0:
            self.stderr.write("--months must be zero or more.")
            return
        if dry_run:
            found = privacy.expired_personal_data(months=months)
            counts = {kind: rows.count() for kind, rows in found.items()}
            verb = "Would erase"
        else:
            counts = privacy.erase_expired_personal_data(months=months)
            verb = "Erased"
        self.stdout.write(
            f"{verb} the personal data of {counts['rsvps']} RSVPs, {counts['invitations']} "
            f"invitations and {counts['mails']} mails (meetings that ended over {months} "
            "months ago)."
        )
