from django.urls import path

from . import views

app_name = "lms"

urlpatterns = [
    path("dang-ky/", views.sign_up, name="sign_up"),
    path("dang-nhap/", views.SignInView.as_view(), name="sign_in"),
    path("dang-xuat/", views.SignOutView.as_view(), name="sign_out"),
    path("ho-so/", views.profile, name="profile"),
    path("du-lieu-cua-toi/", views.my_data, name="my_data"),
    path("co-chu/", views.text_size, name="text_size"),
    path("quen-mat-khau/", views.PasswordResetView.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path("dat-lai/<uidb64>/<token>/", views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("dat-lai/xong/", views.PasswordResetCompleteView.as_view(), name="password_reset_complete"),
]
