from django.conf.locale.en.formats import *  # noqa: F403

# English pages still read dates the way Vietnamese forms accept them.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
