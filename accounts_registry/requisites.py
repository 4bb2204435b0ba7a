"""The requisites of the notification letter (ГОСТ Р 7.0.97-2016): who sends it, to whom,
who signs it and who prepared it. Data the keeper edits in «Настройки → Реквизиты
письма», one record for the organisation, never code."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="doc-full")
class LetterRequisites(BaseGenericSetting):
    organisation = models.CharField(
        _("organisation"),
        max_length=300,
        blank=True,
        help_text=_(
            "The full name as on the letterhead, e.g. «Министерство социальной "
            "защиты населения Кузбасса». It is also the document's author."
        ),
    )
    organisation_details = models.TextField(
        _("organisation's details"),
        blank=True,
        help_text=_(
            "Address, phone, e-mail, ОКПО, ОГРН, ИНН/КПП: one item a line, as they "
            "stand under the name."
        ),
    )
    addressee = models.TextField(
        _("addressee"),
        blank=True,
        help_text=_(
            "The position in the dative and the initials and surname, one a line, "
            "e.g. «Начальнику главного управления по работе со СМИ Администрации "
            "Правительства Кузбасса» and «И.О. Фамилии»."
        ),
    )
    basis = models.TextField(
        _("basis"),
        blank=True,
        default=(
            "постановлением Правительства Кемеровской области – Кузбасса "
            "от 14.02.2020 № 66"
        ),
        help_text=_(
            "Continues the words «В соответствии с»: the document that requires the "
            "report, in the instrumental case."
        ),
    )
    signatory_position = models.CharField(
        _("signatory's position"),
        max_length=300,
        blank=True,
        help_text=_("E.g. «Министр» or «Заместитель министра»."),
    )
    signatory_name = models.CharField(
        _("signatory's initials and surname"),
        max_length=200,
        blank=True,
        help_text=_("Initials before the surname: «И.О. Фамилия»."),
    )
    executor_name = models.CharField(
        _("executor"),
        max_length=200,
        blank=True,
        help_text=_("Who prepared the letter: surname, first name and patronymic."),
    )
    executor_phone = models.CharField(
        _("executor's phone"),
        max_length=100,
        blank=True,
        help_text=_("E.g. «8 (3842) 58-00-00»."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("organisation_details")],
            heading=_("Sender"),
        ),
        FieldPanel("addressee"),
        FieldPanel("basis"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("signatory_position"), FieldPanel("signatory_name")]
                ),
                FieldRowPanel(
                    [FieldPanel("executor_name"), FieldPanel("executor_phone")]
                ),
            ],
            heading=_("Signature and executor"),
        ),
    ]

    # What a letter fit to sign cannot do without; the notification page names the
    # empty ones and links here.
    REQUIRED = (
        "organisation",
        "addressee",
        "signatory_position",
        "signatory_name",
        "executor_name",
        "executor_phone",
    )

    class Meta:
        verbose_name = _("letter requisites")
        verbose_name_plural = _("letter requisites")

    def missing(self) -> list[str]:
        """Labels of the requisites still empty."""
        return [
            str(self._meta.get_field(name).verbose_name)
            for name in self.REQUIRED
            if not getattr(self, name).strip()
        ]
