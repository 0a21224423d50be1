from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from lms import views as lms_views

handler404 = "lms.views.page_not_found"
handler500 = "lms.views.server_error"

urlpatterns = [
    path("healthz", lms_views.healthz, name="healthz"),
    path("tai-khoan/", include("lms.urls_accounts")),
    path("ngon-ngu/", lms_views.switch_language, name="switch_language"),
    path("", include("cms.urls")),
    path("hoc-lieu/", include("media.urls")),
    path("", include("courses.urls")),
    path("", include("assessments.urls")),
    path("", include("certificates.urls")),
    path("", include("certificates.urls_holder")),
    path("quan-tri/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("tai-lieu/", include(wagtaildocs_urls)),
]

if settings.HOCVUSO_BENCHMARK_FLOOR_VIEW:
    urlpatterns.append(path("__bench__/floor", lms_views.benchmark_floor, name="benchmark_floor"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other path: it must come last.
urlpatterns.append(path("", include(wagtail_urls)))
