from django.contrib import admin
from django.urls import path

from unnm.report import views

app_name = "report"

urlpatterns = [
    path("", admin.site.admin_view(views.report), name="report"),
    path("report.pdf", admin.site.admin_view(views.report), {"download": "pdf"}, name="report-pdf"),
    path(
        "report.docx", admin.site.admin_view(views.report), {"download": "docx"}, name="report-docx"
    ),
]
