from django.urls import path

from weerbaar.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("account/", views.home, name="home"),
    path("account/login/", views.LoginView.as_view(), name="login"),
    path("account/logout/", views.LogoutView.as_view(), name="logout"),
    path("account/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "account/password/done/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("account/2fa/", views.two_factor, name="two_factor"),
    path("account/2fa/qr.svg", views.two_factor_qr, name="two_factor_qr"),
]
