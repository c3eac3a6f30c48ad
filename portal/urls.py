from django.urls import path

from portal import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", views.sign_in_request, name="sign-in"),
    path("sign-in/sent/", views.sign_in_sent, name="sign-in-sent"),
    path("sign-in/<str:secret>/", views.sign_in_link, name="sign-in-link"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("organisation/", views.organisation_edit, name="organisation"),
    path("my-details/", views.my_details, name="details"),
    path("minutes/<int:pk>/", views.minutes_detail, name="minutes-detail"),
    path("meetings/", views.my_meetings, name="meetings"),
    path("meetings/<slug:slug>/answer/", views.answer, name="answer"),
    path("activities/", views.activities, name="activities"),
    path("activities/<slug:slug>/update/", views.report_create, name="report-create"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
