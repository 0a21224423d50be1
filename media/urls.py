from django.urls import re_path

from . import views
from .tokens import PATTERN as TOKEN

app_name = "media"

SHA256 = r"(?P<sha256>[0-9a-f]{64})"

urlpatterns = [
    # the sandboxed player and the files it reads: authorised by the play token in the URL (media.api)
    re_path(rf"^h5p/{SHA256}/choi/(?P<token>{TOKEN})/$", views.player, name="h5p_player"),
    re_path(rf"^h5p/{SHA256}/t/(?P<token>{TOKEN})/(?P<path>.+)$", views.token_file, name="h5p_token_file"),
    # the same files for a signed-in user allowed to play the package (the session cookie)
    re_path(rf"^h5p/{SHA256}/(?P<path>.+)$", views.package_file, name="h5p_file"),
]
