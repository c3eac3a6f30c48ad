from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("<slug:slug>/rsvp/", views.rsvp_create, name="rsvp-create"),
    path("<slug:slug>/rsvp/thanks/", views.rsvp_done, name="rsvp-done"),
    path("rsvp/<str:token>/", views.rsvp_manage, name="rsvp-manage"),
    path("rsvp/<str:token>/cancel/", views.rsvp_cancel, name="rsvp-cancel"),
    path("invitation/<str:token>/", views.rsvp_invitation, name="rsvp-invitation"),
]
