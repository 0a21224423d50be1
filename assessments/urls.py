from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [
    path("kiem-tra/lam-bai/<int:attempt_id>/", views.attempt, name="attempt"),
    path("kiem-tra/lam-bai/<int:attempt_id>/luu/", views.autosave, name="autosave"),
    path("kiem-tra/lam-bai/<int:attempt_id>/nop-bai/", views.submit, name="submit"),
    path("kiem-tra/ket-qua/<int:attempt_id>/", views.result, name="result"),
    path("kiem-tra/tep/<int:file_id>/", views.response_file, name="response_file"),
    path("kiem-tra/<slug:slug>/", views.intro, name="intro"),
    path("kiem-tra/<slug:slug>/bat-dau/", views.start, name="start"),
    path("nang-luc-so/", views.competence, name="competence"),
]
