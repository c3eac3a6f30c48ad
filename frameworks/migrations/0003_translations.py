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
    'activity': ['description', 'title'],
    'cooperationframework': ['short_title', 'title'],
    'objectivelink': ['rationale'],
    'outcome': ['short_name', 'statement'],
    'output': ['title'],
    'progressupdate': ['text'],
    'strategicpriority': ['title'],
}


def copy_to_default_language(apps, schema_editor):
    languages = ["en", "az", "ru"]  # the columns this migration adds
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    default = default if default in languages else "en"
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            rows = apps.get_model('frameworks', name).objects.all()
            rows.update(
                **{
                    f"{field}_{language}": models.F(field) if language == default else ""
                    for field in fields
                    for language in languages
                }
            )


class Migration(migrations.Migration):

    dependencies = [
        ('frameworks', '0002_reference_data'),
    ]

    operations = [
        migrations.AddField(
            model_name='activity',
            name='description_az',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='activity',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='activity',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description'),
        ),
        migrations.AddField(
            model_name='activity',
            name='title_az',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='activity',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='activity',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='cooperationframework',
            name='short_title_az',
            field=models.CharField(max_length=80, null=True, verbose_name='short title'),
        ),
        migrations.AddField(
            model_name='cooperationframework',
            name='short_title_en',
            field=models.CharField(max_length=80, null=True, verbose_name='short title'),
        ),
        migrations.AddField(
            model_name='cooperationframework',
            name='short_title_ru',
            field=models.CharField(max_length=80, null=True, verbose_name='short title'),
        ),
        migrations.AddField(
            model_name='cooperationframework',
            name='title_az',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='cooperationframework',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='cooperationframework',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='short_label_az',
            field=models.CharField(max_length=80, null=True, verbose_name='short label'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='short_label_en',
            field=models.CharField(max_length=80, null=True, verbose_name='short label'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='short_label_ru',
            field=models.CharField(max_length=80, null=True, verbose_name='short label'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='source_az',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='source_en',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='source_ru',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='title_az',
            field=models.CharField(max_length=300, null=True, verbose_name='official title'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='title_az_official',
            field=models.BooleanField(default=False, help_text='Copied from a published Azerbaijani source; otherwise an unofficial translation.', verbose_name='Azerbaijani title official'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='official title'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='official title'),
        ),
        migrations.AddField(
            model_name='gcmobjective',
            name='title_ru_verified',
            field=models.BooleanField(default=False, help_text="Compared with a retrieved copy of the UN's Russian text (see the source).", verbose_name='Russian title verified'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='name_az',
            field=models.CharField(max_length=100, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='name_az_official',
            field=models.BooleanField(default=False, help_text='Copied from a published Azerbaijani source; otherwise an unofficial translation.', verbose_name='Azerbaijani name official'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='name_en',
            field=models.CharField(max_length=100, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='name_ru',
            field=models.CharField(max_length=100, null=True, verbose_name='name'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='name_ru_verified',
            field=models.BooleanField(default=False, help_text="Compared with a retrieved copy of the UN's Russian text (see the source).", verbose_name='Russian name verified'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='source_az',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='source_en',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='guidingprinciple',
            name='source_ru',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='historicalactivity',
            name='description_az',
            field=models.TextField(blank=True, null=True, verbose_name='description [az]'),
        ),
        migrations.AddField(
            model_name='historicalactivity',
            name='description_en',
            field=models.TextField(blank=True, null=True, verbose_name='description [en]'),
        ),
        migrations.AddField(
            model_name='historicalactivity',
            name='description_ru',
            field=models.TextField(blank=True, null=True, verbose_name='description [ru]'),
        ),
        migrations.AddField(
            model_name='historicalactivity',
            name='title_az',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicalactivity',
            name='title_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicalactivity',
            name='title_ru',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='historicalcooperationframework',
            name='short_title_az',
            field=models.CharField(blank=True, max_length=80, null=True, verbose_name='short title [az]'),
        ),
        migrations.AddField(
            model_name='historicalcooperationframework',
            name='short_title_en',
            field=models.CharField(blank=True, max_length=80, null=True, verbose_name='short title [en]'),
        ),
        migrations.AddField(
            model_name='historicalcooperationframework',
            name='short_title_ru',
            field=models.CharField(blank=True, max_length=80, null=True, verbose_name='short title [ru]'),
        ),
        migrations.AddField(
            model_name='historicalcooperationframework',
            name='title_az',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicalcooperationframework',
            name='title_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicalcooperationframework',
            name='title_ru',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='historicalobjectivelink',
            name='rationale_az',
            field=models.CharField(blank=True, help_text='One or two sentences: why this outcome or output serves the objective.', max_length=500, null=True, verbose_name='rationale [az]'),
        ),
        migrations.AddField(
            model_name='historicalobjectivelink',
            name='rationale_en',
            field=models.CharField(blank=True, help_text='One or two sentences: why this outcome or output serves the objective.', max_length=500, null=True, verbose_name='rationale [en]'),
        ),
        migrations.AddField(
            model_name='historicalobjectivelink',
            name='rationale_ru',
            field=models.CharField(blank=True, help_text='One or two sentences: why this outcome or output serves the objective.', max_length=500, null=True, verbose_name='rationale [ru]'),
        ),
        migrations.AddField(
            model_name='historicaloutcome',
            name='short_name_az',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='short name [az]'),
        ),
        migrations.AddField(
            model_name='historicaloutcome',
            name='short_name_en',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='short name [en]'),
        ),
        migrations.AddField(
            model_name='historicaloutcome',
            name='short_name_ru',
            field=models.CharField(blank=True, max_length=200, null=True, verbose_name='short name [ru]'),
        ),
        migrations.AddField(
            model_name='historicaloutcome',
            name='statement_az',
            field=models.TextField(blank=True, help_text="The outcome's wording in the signed framework. Leave empty until checked.", null=True, verbose_name='official statement [az]'),
        ),
        migrations.AddField(
            model_name='historicaloutcome',
            name='statement_en',
            field=models.TextField(blank=True, help_text="The outcome's wording in the signed framework. Leave empty until checked.", null=True, verbose_name='official statement [en]'),
        ),
        migrations.AddField(
            model_name='historicaloutcome',
            name='statement_ru',
            field=models.TextField(blank=True, help_text="The outcome's wording in the signed framework. Leave empty until checked.", null=True, verbose_name='official statement [ru]'),
        ),
        migrations.AddField(
            model_name='historicaloutput',
            name='title_az',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicaloutput',
            name='title_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicaloutput',
            name='title_ru',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='historicalprogressupdate',
            name='text_az',
            field=models.TextField(blank=True, null=True, verbose_name='progress [az]'),
        ),
        migrations.AddField(
            model_name='historicalprogressupdate',
            name='text_en',
            field=models.TextField(blank=True, null=True, verbose_name='progress [en]'),
        ),
        migrations.AddField(
            model_name='historicalprogressupdate',
            name='text_ru',
            field=models.TextField(blank=True, null=True, verbose_name='progress [ru]'),
        ),
        migrations.AddField(
            model_name='historicalstrategicpriority',
            name='title_az',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [az]'),
        ),
        migrations.AddField(
            model_name='historicalstrategicpriority',
            name='title_en',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [en]'),
        ),
        migrations.AddField(
            model_name='historicalstrategicpriority',
            name='title_ru',
            field=models.CharField(blank=True, max_length=300, null=True, verbose_name='title [ru]'),
        ),
        migrations.AddField(
            model_name='objectivelink',
            name='rationale_az',
            field=models.CharField(help_text='One or two sentences: why this outcome or output serves the objective.', max_length=500, null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='objectivelink',
            name='rationale_en',
            field=models.CharField(help_text='One or two sentences: why this outcome or output serves the objective.', max_length=500, null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='objectivelink',
            name='rationale_ru',
            field=models.CharField(help_text='One or two sentences: why this outcome or output serves the objective.', max_length=500, null=True, verbose_name='rationale'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='short_name_az',
            field=models.CharField(max_length=200, null=True, verbose_name='short name'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='short_name_en',
            field=models.CharField(max_length=200, null=True, verbose_name='short name'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='short_name_ru',
            field=models.CharField(max_length=200, null=True, verbose_name='short name'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='statement_az',
            field=models.TextField(blank=True, help_text="The outcome's wording in the signed framework. Leave empty until checked.", null=True, verbose_name='official statement'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='statement_en',
            field=models.TextField(blank=True, help_text="The outcome's wording in the signed framework. Leave empty until checked.", null=True, verbose_name='official statement'),
        ),
        migrations.AddField(
            model_name='outcome',
            name='statement_ru',
            field=models.TextField(blank=True, help_text="The outcome's wording in the signed framework. Leave empty until checked.", null=True, verbose_name='official statement'),
        ),
        migrations.AddField(
            model_name='output',
            name='title_az',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='output',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='output',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='progressupdate',
            name='text_az',
            field=models.TextField(null=True, verbose_name='progress'),
        ),
        migrations.AddField(
            model_name='progressupdate',
            name='text_en',
            field=models.TextField(null=True, verbose_name='progress'),
        ),
        migrations.AddField(
            model_name='progressupdate',
            name='text_ru',
            field=models.TextField(null=True, verbose_name='progress'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='source_az',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='source_en',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='source_ru',
            field=models.TextField(blank=True, null=True, verbose_name='source'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='text_az',
            field=models.TextField(null=True, verbose_name='official text'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='text_az_official',
            field=models.BooleanField(default=False, help_text='Copied from a published Azerbaijani source; otherwise an unofficial translation.', verbose_name='Azerbaijani text official'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='text_en',
            field=models.TextField(null=True, verbose_name='official text'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='text_ru',
            field=models.TextField(null=True, verbose_name='official text'),
        ),
        migrations.AddField(
            model_name='sdgtarget',
            name='text_ru_verified',
            field=models.BooleanField(default=False, help_text="Compared with a retrieved copy of the UN's Russian text (see the source).", verbose_name='Russian text verified'),
        ),
        migrations.AddField(
            model_name='strategicpriority',
            name='title_az',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='strategicpriority',
            name='title_en',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.AddField(
            model_name='strategicpriority',
            name='title_ru',
            field=models.CharField(max_length=300, null=True, verbose_name='title'),
        ),
        migrations.RunPython(copy_to_default_language, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='historicalactivity',
            name='description',
        ),
        migrations.RemoveField(
            model_name='historicalactivity',
            name='title',
        ),
        migrations.RemoveField(
            model_name='historicalcooperationframework',
            name='short_title',
        ),
        migrations.RemoveField(
            model_name='historicalcooperationframework',
            name='title',
        ),
        migrations.RemoveField(
            model_name='historicalobjectivelink',
            name='rationale',
        ),
        migrations.RemoveField(
            model_name='historicaloutcome',
            name='short_name',
        ),
        migrations.RemoveField(
            model_name='historicaloutcome',
            name='statement',
        ),
        migrations.RemoveField(
            model_name='historicaloutput',
            name='title',
        ),
        migrations.RemoveField(
            model_name='historicalprogressupdate',
            name='text',
        ),
        migrations.RemoveField(
            model_name='historicalstrategicpriority',
            name='title',
        ),
    ]
