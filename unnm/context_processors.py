from django.conf import settings


def network(request):
    """The network's identity, for the header and footer of every page."""
    return {
        "network": {
            "name": settings.UNNM_NETWORK_NAME,
            "short_name": settings.UNNM_NETWORK_SHORT_NAME,
            "country": settings.UNNM_COUNTRY,
            "secretariat_name": settings.UNNM_SECRETARIAT_NAME,
            "secretariat_email": settings.UNNM_SECRETARIAT_EMAIL,
        }
    }
