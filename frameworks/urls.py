from django.urls import path

from frameworks import views

app_name = "frameworks"

urlpatterns = [
    path("", views.MatrixView.as_view(), name="matrix"),
    path(
        "matrix/outcome/<int:pk>/objective/<int:number>/",
        views.CellView.as_view(row="outcome"),
        name="matrix-cell",
    ),
    path(
        "matrix/priority/<int:pk>/objective/<int:number>/",
        views.CellView.as_view(row="priority"),
        name="matrix-priority-cell",
    ),
    path("mapping.csv", views.MappingCSVView.as_view(), name="mapping-csv"),
    path("objectives/<int:number>/", views.ObjectiveDetailView.as_view(), name="objective-detail"),
    path("coverage/", views.CoverageView.as_view(), name="coverage"),
    path("work-plan/", views.ActivityListView.as_view(), name="activity-list"),
    path("work-plan.csv", views.ActivityCSVView.as_view(), name="activity-csv"),
    path("work-plan/<slug:slug>/", views.ActivityDetailView.as_view(), name="activity-detail"),
]
