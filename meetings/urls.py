from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting-list"),
    path("feed.ics", views.meeting_feed, name="meeting-feed"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("<slug:slug>/calendar.ics", views.meeting_ics, name="meeting-ics"),
    path("<slug:slug>/print/", views.MeetingPrintView.as_view(), name="meeting-print"),
]
