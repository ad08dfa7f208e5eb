"""Forms in the design system: every Django form renders with NL Design System (Utrecht) markup.

``FORM_RENDERER`` points at :class:`DesignSystemRenderer`, so ``{{ form }}`` and
``{{ form.field.as_field_group }}`` produce Utrecht form fields (label, description, error
message, input) without per-template work, and every widget carries the Utrecht class of its
kind (``utrecht-textbox``, ``utrecht-select``, ...) plus its ``--invalid`` modifier when the
field has errors. A form never shows a pre-selected "---------" for a required choice.
"""

from __future__ import annotations

from typing import Any

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting

# Widget type (BoundField.widget_type) -> the Utrecht classes of its input element.
WIDGET_CLASSES: dict[str, str] = {
    "text": "utrecht-textbox utrecht-textbox--html-input",
    "email": "utrecht-textbox utrecht-textbox--html-input",
    "url": "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--url",
    "password": "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password",
    "number": "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric",
    "date": "utrecht-textbox utrecht-textbox--html-input wb-textbox--date",
    "datetime": "utrecht-textbox utrecht-textbox--html-input",
    "time": "utrecht-textbox utrecht-textbox--html-input",
    "textarea": "utrecht-textarea utrecht-textarea--html-textarea",
    "select": "utrecht-select utrecht-select--html-select",
    "selectmultiple": "utrecht-select utrecht-select--html-select",
    "nullbooleanselect": "utrecht-select utrecht-select--html-select",
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "checkboxselectmultiple": "utrecht-checkbox utrecht-checkbox--html-input",
    "radioselect": "utrecht-radio-button utrecht-radio-button--html-input",
    "file": "wb-file-input",
    "clearablefile": "wb-file-input",
}
INVALID: dict[str, str] = {
    "utrecht-textbox": "utrecht-textbox--invalid",
    "utrecht-textarea": "utrecht-textarea--invalid",
    "utrecht-select": "utrecht-select--invalid",
    "utrecht-radio-button": "utrecht-radio-button--invalid",
}


def widget_classes(widget_type: str, invalid: bool, extra: str = "") -> str:
    """The class attribute of a widget: its Utrecht classes, invalid modifier, own classes."""
    classes = WIDGET_CLASSES.get(widget_type, "").split()
    if invalid:
        classes += [INVALID[c] for c in list(classes) if c in INVALID]
    classes += [c for c in extra.split() if c not in classes]
    return " ".join(classes)


class DesignSystemBoundField(BoundField):
    """A bound field whose widget carries the design system's classes."""

    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        own = str(attrs.get("class") or (widget or self.field.widget).attrs.get("class", ""))
        attrs["class"] = widget_classes(self.widget_type, bool(self.errors), own)
        return attrs


class DesignSystemRenderer(TemplatesSetting):
    form_template_name = "ui/forms/form.html"
    field_template_name = "ui/forms/field.html"
    bound_field_class = DesignSystemBoundField
