"""Version 1 of the open data API, at /api/v1/: its routers, errors and documentation."""

from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from unnm.api import frameworks, meetings, members, workplan
from unnm.api.conventions import Renderer, conditional, describe, in_requested_language


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs):
        """The schema, with the `lang` parameter every endpoint takes (`in_requested_language`,
        a decorator the schema cannot see) declared on each operation."""
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                operation.setdefault("parameters", []).append(lang_parameter())
        return schema


def lang_parameter():
    return {
        "in": "query",
        "name": "lang",
        "required": False,
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
        "description": _(
            "The language of the answer (its Content-Language); by default the one of "
            "Accept-Language. A text without a translation comes in the default language."
        ),
    }


api = OpenDataAPI(
    title=gettext_lazy("UN Network on Migration: open data"),
    version="1",
    description=format_lazy(
        "{} {}",
        gettext_lazy(
            "The network's public data, read-only: meetings, members, the GCM's reference data, "
            "the cooperation framework and its mapping to the GCM, and the work plan."
        ),
        gettext_lazy(
            "Every endpoint answers in the language of `lang` (one of the network's languages) "
            "when given, otherwise of `Accept-Language`; a text without a translation comes in "
            "the network's default language."
        ),
    ),
    urls_namespace="api-v1",
    renderer=Renderer(),
    # Swagger UI from the static files django-ninja ships ("ninja" is an installed app): no CDN.
    docs=Swagger(settings={"defaultModelsExpandDepth": 0}),
    docs_url="/docs/",
    openapi_url="/openapi.json",
)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """A refused parameter is the client's mistake: 400 and what was wrong (never 422)."""
    message = _("Invalid parameters: %(errors)s") % {"errors": describe(exc.errors)}
    return api.create_response(request, {"detail": message}, status=400)


for router in (meetings.router, members.router, frameworks.router, workplan.router):
    router.add_decorator(conditional, mode="view")
    # Outside the validators: the ETag is the digest of the body in its language.
    router.add_decorator(in_requested_language, mode="view")
    api.add_router("/", router)
