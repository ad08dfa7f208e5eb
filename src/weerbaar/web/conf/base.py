"""Settings for every environment. Each variable is read through :func:`env` (with help text).

``dev.py`` and ``ci.py`` only change defaults (by setting environment defaults before this
module is imported); ``production.py`` is this module as it is. See ``docs/admin/settings.md``.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from weerbaar.web.conf.env import env
from weerbaar.web.conf.logging import logging_config

WEB_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = env(
    "WEERBAAR_SECRET_KEY",
    help="Secret key for signing sessions and tokens: at least 50 random characters, kept secret.",
)
DEBUG = env(
    "WEERBAAR_DEBUG", help="Show debug pages. Never in production.", default=False, cast=bool
)
ALLOWED_HOSTS = env(
    "WEERBAAR_ALLOWED_HOSTS",
    help="Host names this installation answers to, e.g. weerbaar.gemeente.nl.",
    default="localhost,127.0.0.1",
    cast=list,
)
CSRF_TRUSTED_ORIGINS = env(
    "WEERBAAR_CSRF_TRUSTED_ORIGINS",
    help="Origins (https://host) allowed to post forms when behind a proxy on another host name.",
    default="",
    cast=list,
)
DATA_DIR = Path(
    env(
        "WEERBAAR_DATA_DIR",
        help="Folder for the SQLite database and collected static files (relative to the "
        "working directory unless absolute).",
        default="var",
    )
).resolve()
DATABASE_URL = env(
    "DATABASE_URL",
    help="Database URL, e.g. postgres://user:password@host:5432/weerbaar. "
    "Empty: SQLite in WEERBAAR_DATA_DIR/weerbaar.sqlite3.",
    default="",
)
if not DATABASE_URL:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{DATA_DIR / 'weerbaar.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "csp",
    "weerbaar.web.ui",
    "django.forms",
    "weerbaar.web.tenancy",
    "weerbaar.web.accounts",
    "weerbaar.web.audit",
    "weerbaar.web.api",
    "weerbaar.web.knowledgebase",
    "weerbaar.web.scans",
    "weerbaar.web.results",
    "weerbaar.web.plans",
    "weerbaar.web.signals",
    "weerbaar.web.regional",
    "weerbaar.web.awareness",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "weerbaar.web.conf.headers.PermissionsPolicyMiddleware",
    "weerbaar.web.conf.headers.MunicipalityDataNotCachedMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "weerbaar.web.accounts.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]
ROOT_URLCONF = "weerbaar.web.conf.urls"
WSGI_APPLICATION = "weerbaar.web.conf.wsgi.application"
# Every form renders with the design system's markup (weerbaar.web.ui, docs/developer/ui.md).
FORM_RENDERER = "weerbaar.web.ui.forms.DesignSystemRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "weerbaar.web.tenancy.context_processors.memberships",
            ]
        },
    }
]

# Accounts, passwords, two-factor authentication, lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "accounts:login"
OTP_TOTP_ISSUER = env(
    "WEERBAAR_TOTP_ISSUER",
    help="Name shown in authenticator apps for this installation's TOTP codes.",
    default="weerbaar",
)
AXES_FAILURE_LIMIT = env(
    "WEERBAAR_LOGIN_FAILURE_LIMIT",
    help="Failed logins (per user name and address) before the account is locked out.",
    default=5,
    cast=int,
)
AXES_COOLOFF_TIME = (
    env(
        "WEERBAAR_LOGIN_LOCKOUT_MINUTES",
        help="Minutes a locked-out login stays locked.",
        default=15,
        cast=int,
    )
    / 60
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
BEHIND_PROXY = env(
    "WEERBAAR_BEHIND_PROXY",
    help="Trust X-Forwarded-Proto and X-Forwarded-For from a reverse proxy that sets them.",
    default=False,
    cast=bool,
)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Sessions, cookies and security headers.
SECURE = env(
    "WEERBAAR_SECURE",
    help="Serve over HTTPS only: secure cookies, redirect to HTTPS and HSTS. Off only for local "
    "development.",
    default=True,
    cast=bool,
)
SESSION_COOKIE_AGE = env(
    "WEERBAAR_SESSION_SECONDS",
    help="Seconds of inactivity after which a user is logged out.",
    default=1800,
    cast=int,
)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = SECURE
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 31_536_000 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
    }
}

# Language: Dutch first, English selectable.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [WEB_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "weerbaar.web.api.authentication.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "weerbaar.web.api.pagination.BoundedLimitOffsetPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "weerbaar API",
    "DESCRIPTION": "Scans, results and action plans of a municipality, and the public "
    "knowledge base. Token: `Authorization: Token <key>`.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

# Signals: person identifiers in the municipality's exports are pseudonymised with this key.
SIGNALS_PSEUDONYM_KEY = env(
    "WEERBAAR_PSEUDONYM_KEY",
    help="Key (at least 16 characters, kept secret and apart from the results) for the keyed "
    "pseudonyms of employees in signal runs. Empty: only the demo runs signals (with a fixed key).",
    default="",
)

LOGGING = logging_config(
    env("WEERBAAR_LOG_LEVEL", help="Log level: DEBUG, INFO, WARNING or ERROR.", default="INFO"),
    env(
        "WEERBAAR_LOG_FORMAT",
        help="Log line format: json (one JSON object per line) or text.",
        default="json",
    ),
)
