"""
The columns per language of the texts staff write (django-modeltranslation), in the tables and
their history. The text of the rows written before (in the network's default language) is copied
into that language's column, in the rows and their versions, before the history drops its copy
of the original column (it keeps the columns per language only, see unnm.audit.keep_history).
"""


from django.conf import settings
from django.db import migrations, models

# The texts per model that now have a column per language.
TRANSLATED = {
    'actionpoint': ['text'],
    'agendaitem': ['description', 'title'],
    'document': ['title'],
    'meeting': ['description', 'summary', 'title'],
    'remark': ['full_text', 'summary'],
    'rsvpsettings': ['confirmation_subject', 'confirmation_text', 'invitation_subject', 'invitation_text'],
}


def copy_to_default_language(apps, schema_editor):
    languages = ["en", "az", "ru"]  # the columns this migration adds
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    default = default if default in languages else "en"
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            rows = apps.get_model('meetings', name).objects.all()
            rows.update(
                **{
                    f"{field}_{language}": models.F(field) if language == default else ""
                    for field in fields
                    for language in languages
                }
            )


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='actionpoint',
            name='text_az',
            field=models.TextField(null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='actionpoint',
            name='text_en',
            field=models.TextField(null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='actionpoint',
            name='text_ru',
            field=models.TextField(null=True, verbose_name='text'),
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='description_az',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='title_az',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='agendaitem',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_az',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='document',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='historicalactionpoint',
            name='text_az',
            field=models.TextField(blank=True, null=True, verbose_name='text [az]'),
        ),
        migrations.AddField(
            model_name='historicalactionpoint',
            name='text_en',
            field=models.TextField(blank=True, null=True, verbose_name='text [en]'),
        ),
        migrations.AddField(
            model_name='historicalactionpoint',
            name='text_ru',
            field=models.TextField(blank=True, null=True, verbose_name='text [ru]'),
        ),
        migrations.AddField(
            model_name='historicalagendaitem',
            name='description_az',
            field=models.TextField(blank=True, null=True, verbose_name='description [az]'),
        ),
        migrations.AddField(
            model_name='historicalagendaitem',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description [en]'),
        ),
        migrations.AddField(
            model_name='historicalagendaitem',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description [ru]'),
        ),
        migrations.AddField(
            model_name='historicalagendaitem',
            name='title_az',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicalagendaitem',
            name='title_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicalagendaitem',
            name='title_ru',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_az',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_en',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicaldocument',
            name='title_ru',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='description_az',
            field=models.TextField(blank=True, null=True, verbose_name='description [az]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description [en]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description [ru]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='summary_az',
            field=models.TextField(blank=True, help_text='One or two sentences.', null=True, verbose_name='summary [az]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='summary_en',
            field=models.TextField(blank=True, help_text='One or two sentences.', null=True, verbose_name='summary [en]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='One or two sentences.', null=True, verbose_name='summary [ru]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='title_az',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='title_en',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicalmeeting',
            name='title_ru',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='historicalremark',
            name='full_text_az',
            field=models.TextField(blank=True, null=True, verbose_name='full text [az]'),
        ),
        migrations.AddField(
            model_name='historicalremark',
            name='full_text_en',
            field=models.TextField(blank=True, null=True, verbose_name='full text [en]'),
        ),
        migrations.AddField(
            model_name='historicalremark',
            name='full_text_ru',
            field=models.TextField(blank=True, null=True, verbose_name='full text [ru]'),
        ),
        migrations.AddField(
            model_name='historicalremark',
            name='summary_az',
            field=models.TextField(blank=True, null=True, verbose_name='summary [az]'),
        ),
        migrations.AddField(
            model_name='historicalremark',
            name='summary_en',
            field=models.TextField(blank=True, null=True, verbose_name='summary [en]'),
        ),
        migrations.AddField(
            model_name='historicalremark',
            name='summary_ru',
            field=models.TextField(blank=True, null=True, verbose_name='summary [ru]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='confirmation_subject_az',
            field=models.CharField(blank=True, help_text='Empty: the default. Placeholders: {meeting}, {name}, {date}.', max_length=200, null=True, verbose_name='confirmation subject [az]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='confirmation_subject_en',
            field=models.CharField(blank=True, help_text='Empty: the default. Placeholders: {meeting}, {name}, {date}.', max_length=200, null=True, verbose_name='confirmation subject [en]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='confirmation_subject_ru',
            field=models.CharField(blank=True, help_text='Empty: the default. Placeholders: {meeting}, {name}, {date}.', max_length=200, null=True, verbose_name='confirmation subject [ru]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='confirmation_text_az',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {status}, {closes}, {manage_link}, {organisation}, {network}. The joining link is added for confirmed online participants.', null=True, verbose_name='confirmation text [az]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='confirmation_text_en',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {status}, {closes}, {manage_link}, {organisation}, {network}. The joining link is added for confirmed online participants.', null=True, verbose_name='confirmation text [en]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='confirmation_text_ru',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {status}, {closes}, {manage_link}, {organisation}, {network}. The joining link is added for confirmed online participants.', null=True, verbose_name='confirmation text [ru]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='invitation_subject_az',
            field=models.CharField(blank=True, help_text='Empty: the default.', max_length=200, null=True, verbose_name='invitation subject [az]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='invitation_subject_en',
            field=models.CharField(blank=True, help_text='Empty: the default.', max_length=200, null=True, verbose_name='invitation subject [en]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='invitation_subject_ru',
            field=models.CharField(blank=True, help_text='Empty: the default.', max_length=200, null=True, verbose_name='invitation subject [ru]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='invitation_text_az',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {invitation_link}, {organisation}, {network}.', null=True, verbose_name='invitation text [az]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='invitation_text_en',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {invitation_link}, {organisation}, {network}.', null=True, verbose_name='invitation text [en]'),
        ),
        migrations.AddField(
            model_name='historicalrsvpsettings',
            name='invitation_text_ru',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {invitation_link}, {organisation}, {network}.', null=True, verbose_name='invitation text [ru]'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='description_az',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='summary_az',
            field=models.TextField(blank=True, help_text='One or two sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='summary_en',
            field=models.TextField(blank=True, help_text='One or two sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='summary_ru',
            field=models.TextField(blank=True, help_text='One or two sentences.', null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='title_az',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='meeting',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='remark',
            name='full_text_az',
            field=models.TextField(blank=True, null=True, verbose_name='full text'),
        ),
        migrations.AddField(
            model_name='remark',
            name='full_text_en',
            field=models.TextField(blank=True, null=True, verbose_name='full text'),
        ),
        migrations.AddField(
            model_name='remark',
            name='full_text_ru',
            field=models.TextField(blank=True, null=True, verbose_name='full text'),
        ),
        migrations.AddField(
            model_name='remark',
            name='summary_az',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='remark',
            name='summary_en',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='remark',
            name='summary_ru',
            field=models.TextField(blank=True, null=True, verbose_name='summary'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='confirmation_subject_az',
            field=models.CharField(blank=True, help_text='Empty: the default. Placeholders: {meeting}, {name}, {date}.', max_length=200, null=True, verbose_name='confirmation subject'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='confirmation_subject_en',
            field=models.CharField(blank=True, help_text='Empty: the default. Placeholders: {meeting}, {name}, {date}.', max_length=200, null=True, verbose_name='confirmation subject'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='confirmation_subject_ru',
            field=models.CharField(blank=True, help_text='Empty: the default. Placeholders: {meeting}, {name}, {date}.', max_length=200, null=True, verbose_name='confirmation subject'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='confirmation_text_az',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {status}, {closes}, {manage_link}, {organisation}, {network}. The joining link is added for confirmed online participants.', null=True, verbose_name='confirmation text'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='confirmation_text_en',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {status}, {closes}, {manage_link}, {organisation}, {network}. The joining link is added for confirmed online participants.', null=True, verbose_name='confirmation text'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='confirmation_text_ru',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {status}, {closes}, {manage_link}, {organisation}, {network}. The joining link is added for confirmed online participants.', null=True, verbose_name='confirmation text'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='invitation_subject_az',
            field=models.CharField(blank=True, help_text='Empty: the default.', max_length=200, null=True, verbose_name='invitation subject'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='invitation_subject_en',
            field=models.CharField(blank=True, help_text='Empty: the default.', max_length=200, null=True, verbose_name='invitation subject'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='invitation_subject_ru',
            field=models.CharField(blank=True, help_text='Empty: the default.', max_length=200, null=True, verbose_name='invitation subject'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='invitation_text_az',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {invitation_link}, {organisation}, {network}.', null=True, verbose_name='invitation text'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='invitation_text_en',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {invitation_link}, {organisation}, {network}.', null=True, verbose_name='invitation text'),
        ),
        migrations.AddField(
            model_name='rsvpsettings',
            name='invitation_text_ru',
            field=models.TextField(blank=True, help_text='Empty: the default. Placeholders: {name}, {meeting}, {date}, {time}, {venue}, {invitation_link}, {organisation}, {network}.', null=True, verbose_name='invitation text'),
        ),
        migrations.RunPython(copy_to_default_language, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='historicalactionpoint',
            name='text',
        ),
        migrations.RemoveField(
            model_name='historicalagendaitem',
            name='description',
        ),
        migrations.RemoveField(
            model_name='historicalagendaitem',
            name='title',
        ),
        migrations.RemoveField(
            model_name='historicaldocument',
            name='title',
        ),
        migrations.RemoveField(
            model_name='historicalmeeting',
            name='description',
        ),
        migrations.RemoveField(
            model_name='historicalmeeting',
            name='summary',
        ),
        migrations.RemoveField(
            model_name='historicalmeeting',
            name='title',
        ),
        migrations.RemoveField(
            model_name='historicalremark',
            name='full_text',
        ),
        migrations.RemoveField(
            model_name='historicalremark',
            name='summary',
        ),
        migrations.RemoveField(
            model_name='historicalrsvpsettings',
            name='confirmation_subject',
        ),
        migrations.RemoveField(
            model_name='historicalrsvpsettings',
            name='confirmation_text',
        ),
        migrations.RemoveField(
            model_name='historicalrsvpsettings',
            name='invitation_subject',
        ),
        migrations.RemoveField(
            model_name='historicalrsvpsettings',
            name='invitation_text',
        ),
    ]
