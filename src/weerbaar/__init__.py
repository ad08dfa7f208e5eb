"""weerbaar: signal and strengthen municipal processes vulnerable to ondermijning."""

__version__ = "0.1.0"
