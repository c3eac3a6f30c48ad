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
    'organisation': ['description', 'name'],
    'position': ['title'],
}


def copy_to_default_language(apps, schema_editor):
    languages = ["en", "az", "ru"]  # the columns this migration adds
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    default = default if default in languages else "en"
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            rows = apps.get_model('members', name).objects.all()
            rows.update(
                **{
                    f"{field}_{language}": models.F(field) if language == default else ""
                    for field in fields
                    for language in languages
                }
            )


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalorganisation',
            name='description_az',
            field=models.TextField(blank=True, help_text='A short public description.', null=True, verbose_name='description [az]'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='description_en',
            field=models.TextField(blank=True, help_text='A short public description.', null=True, verbose_name='description [en]'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='description_ru',
            field=models.TextField(blank=True, help_text='A short public description.', null=True, verbose_name='description [ru]'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='name_az',
            field=models.CharField(blank=True, db_index=True, max_length=200, null=True, verbose_name='name [az]'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='name_en',
            field=models.CharField(blank=True, db_index=True, max_length=200, null=True, verbose_name='name [en]'),
        ),
        migrations.AddField(
            model_name='historicalorganisation',
            name='name_ru',
            field=models.CharField(blank=True, db_index=True, max_length=200, null=True, verbose_name='name [ru]'),
        ),
        migrations.AddField(
            model_name='historicalposition',
            name='title_az',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicalposition',
            name='title_en',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicalposition',
            name='title_ru',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='description_az',
            field=models.TextField(blank=True, help_text='A short public description.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='description_en',
            field=models.TextField(blank=True, help_text='A short public description.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='description_ru',
            field=models.TextField(blank=True, help_text='A short public description.', null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_az',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_en',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='organisation',
            name='name_ru',
            field=models.CharField(max_length=200, null=True, unique=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='position',
            name='title_az',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='position',
            name='title_en',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='position',
            name='title_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='title'),
        ),
        migrations.RunPython(copy_to_default_language, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='historicalorganisation',
            name='description',
        ),
        migrations.RemoveField(
            model_name='historicalorganisation',
            name='name',
        ),
        migrations.RemoveField(
            model_name='historicalposition',
            name='title',
        ),
    ]
