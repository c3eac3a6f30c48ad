from django.contrib import admin

from meetings.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "start", "kind", "format", "status", "visibility", "organiser"]
    list_filter = ["kind", "format", "status", "visibility"]
    list_select_related = ["organiser"]
    search_fields = ["title", "summary", "description"]
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organiser", "chairs"]
    filter_horizontal = ["gcm_objectives", "priorities"]
