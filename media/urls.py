from django.urls import re_path

from . import views

app_name = "media"

urlpatterns = [
    re_path(r"^h5p/(?P<sha256>[0-9a-f]{64})/(?P<path>.+)$", views.package_file, name="h5p_file"),
]
