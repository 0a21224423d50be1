from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("bai-hoc/<int:lesson_id>-<slug:slug>/", views.lesson, name="lesson"),
    path("bai-hoc/<int:lesson_id>/tien-do/", views.lesson_heartbeat, name="heartbeat"),
    path("bai-hoc/<int:lesson_id>/xapi/", views.lesson_xapi, name="xapi"),
    path("bai-hoc/<int:lesson_id>/cau-hoi/", views.lesson_checkpoint, name="checkpoint"),
    path("bai-hoc/<int:lesson_id>/da-doc/", views.lesson_finish_reading, name="finish_reading"),
    path("khoa-hoc-cua-toi/", views.my_learning, name="my_learning"),
    path("dang-ky-khoa-hoc/<int:course_id>/", views.enrol, name="enrol"),
    path("roi-khoa-hoc/<int:course_id>/", views.unenrol, name="unenrol"),
]
