"""The four Joint Outcomes Framework themes are reference data: every database has them."""

from django.db import migrations

from goldenthread.core.vocabulary import THEMES


def add_themes(apps, schema_editor):
    theme_tag = apps.get_model("plans", "ThemeTag")
    for number, (name, meaning, pfa) in THEMES.items():
        theme_tag.objects.update_or_create(
            number=number, defaults={"name": name, "meaning": meaning, "preparing_for_adulthood": pfa}
        )


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]
    operations = [migrations.RunPython(add_themes, migrations.RunPython.noop)]
