"""The certificates' addresses. Mounted at the site root by lms/urls.py (did:web needs /.well-known/did.json
there). The verification URL and the status lists' URL are the ones `services` signs into every credential
(`services.verification_url`, `services.status_list_url`, `services.achievement_url`): change them together."""

from django.urls import path

from . import views_public

app_name = "certificates"

urlpatterns = [
    path(".well-known/did.json", views_public.did_document, name="did_document"),
    path("xac-minh/", views_public.upload, name="upload"),
    path("xac-minh/tra-cuu/", views_public.lookup, name="lookup"),
    path("xac-minh/api/kiem-tra/", views_public.check_api, name="check_api"),
    path("xac-minh/api/<str:serial>/", views_public.verify_api, name="verify_api"),
    path("xac-minh/trang-thai/<int:list_id>/", views_public.status_list_credential, name="status_list"),
    path("xac-minh/thanh-tich/<int:achievement_id>/", views_public.achievement, name="achievement"),
    path("xac-minh/<str:serial>/", views_public.verify, name="verify"),
]
