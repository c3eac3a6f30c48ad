"""
Who is a member in a request: the signed-in person of a member organisation, checked on every
request so that leaving the organisation (person or organisation inactive, or staff unticking
"may sign in") ends access at once.
"""

from functools import wraps

from django.contrib.auth import logout
from django.http import Http404

from members.models import Person


class MemberAccessMiddleware:
    """Sets `request.member` (the Person) for a signed-in member; signs out one who left."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.member = None
        user = request.user
        if user.is_authenticated and not user.is_staff:
            request.member = (
                Person.objects.member_users()
                .select_related("organisation")
                .filter(user=user)
                .first()
            )
            if request.member is None:
                logout(request)
        return self.get_response(request)


def member_required(view):
    """A page of the members' area: a 404 to anyone else, as members-only meetings are."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if getattr(request, "member", None) is None:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
