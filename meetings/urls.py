from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting-list"),
    path("feed.ics", views.meeting_feed, name="meeting-feed"),
    path("documents/<int:pk>/", views.document_download, name="document-download"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("<slug:slug>/calendar.ics", views.meeting_ics, name="meeting-ics"),
    path("<slug:slug>/print/", views.MeetingPrintView.as_view(), name="meeting-print"),
    path("<slug:slug>/rsvp/", views.rsvp_create, name="rsvp-create"),
    path("<slug:slug>/rsvp/thanks/", views.rsvp_done, name="rsvp-done"),
    path("rsvp/<str:token>/", views.rsvp_manage, name="rsvp-manage"),
    path("rsvp/<str:token>/cancel/", views.rsvp_cancel, name="rsvp-cancel"),
    path("invitation/<str:token>/", views.rsvp_invitation, name="rsvp-invitation"),
]
