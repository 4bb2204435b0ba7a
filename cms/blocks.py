"""The StreamField vocabulary of a news piece.

Block names (``text``, ``photo``, ``gallery`` …) are a contract: the JSON import, the
syndication adapters and recorded test data refer to them. Rename a field only with a data
migration.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock


def _first_image():
    """Block previews show a real picture from the library when there is one."""
    return get_image_model().objects.order_by("pk").first()


def _first_document():
    return get_document_model().objects.order_by("pk").first()


class ImagePreviewMixin:
    """``preview_value`` is static; blocks with images fill them in at preview time."""

    image_fields = ("image",)

    def get_preview_value(self):
        value = dict(self.meta.preview_value or {})
        for field in self.image_fields:
            value.setdefault(field, _first_image())
        return self.normalize(value)


RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h2", "h3"]
MIN_POLL_OPTIONS = 2
MAX_POLL_OPTIONS = 12


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "cms/blocks/text.html"
        preview_value = (
            "<p>С 1 января выплаты на детей <b>выросли на 8 %</b>. "
            'Подробности — на <a href="https://www.gosuslugi.ru">Госуслугах</a>.</p>'
        )
        description = _("Paragraphs with bold, italic, links, lists and subheadings.")


class PhotoBlock(ImagePreviewMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    alt = blocks.CharBlock(
        label=_("Alt text"),
        max_length=300,
        help_text=_("What the photo shows, for screen readers and text-only networks."),
    )
    credit = blocks.CharBlock(
        label=_("Author / credit"), required=False, max_length=200
    )

    class Meta:
        icon = "image"
        label = _("Photo")
        preview_value = {
            "caption": "Новый центр реабилитации в Кемерове",
            "alt": "Светлый зал с тренажёрами и пандусом у входа",
            "credit": "Пресс-служба министерства",
        }
        template = "cms/blocks/photo.html"
        description = _("One photo with a caption and alt text.")


class GalleryBlock(blocks.StructBlock):
    def get_preview_value(self):
        image = _first_image()
        value = dict(self.meta.preview_value)
        value["photos"] = [{**photo, "image": image} for photo in value["photos"]]
        return self.normalize(value)

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    photos = blocks.ListBlock(PhotoBlock(), label=_("Photos"), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Gallery")
        preview_value = {
            "title": "Открытие центра",
            "photos": [
                {"caption": "Ленточку перерезают ветераны", "alt": "Ветераны у входа"},
                {"caption": "Первые посетители", "alt": "Посетители в холле"},
            ],
        }
        template = "cms/blocks/gallery.html"
        description = _(
            "Several photos: an album in VK and OK, a media group in Telegram."
        )


class InfographicBlock(ImagePreviewMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text_alternative = blocks.TextBlock(
        label=_("Text alternative"),
        help_text=_(
            "Everything the graphic says, for screen readers and text-only networks."
        ),
    )
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=300)

    class Meta:
        icon = "table"
        label = _("Infographic")
        preview_value = {
            "title": "Кому положена выплата",
            "text_alternative": "Семьям с доходом ниже прожиточного минимума: "
            "12 400 рублей на каждого ребёнка.",
            "source": "Минсоцзащиты Кузбасса",
        }
        template = "cms/blocks/infographic.html"


class CardBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"), required=False)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Short text"), max_length=1000)

    class Meta:
        icon = "doc-empty"
        label = _("Card")


class CardsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    cards = blocks.ListBlock(CardBlock(), label=_("Cards"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Cards")
        preview_value = {
            "title": "Как получить выплату",
            "cards": [
                {"title": "1. Заявление", "text": "Подайте его на Госуслугах."},
                {"title": "2. Ответ", "text": "Решение придёт за 10 рабочих дней."},
            ],
        }
        template = "cms/blocks/cards.html"
        description = _("Cards (карточки): short points with a picture each.")


class AnimationBlock(blocks.StructBlock):
    def get_preview_value(self):
        value = {**self.meta.preview_value, "file": _first_document()}
        return self.normalize(value)

    file = DocumentChooserBlock(label=_("GIF or MP4 file"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)

    class Meta:
        icon = "media"
        label = _("Animation")
        preview_value = {"caption": "Как подать заявление за минуту"}
        template = "cms/blocks/animation.html"


class VideoBlock(blocks.StructBlock):
    file = DocumentChooserBlock(label=_("Video file"), required=False)
    url = blocks.URLBlock(
        label=_("Video link"),
        required=False,
        help_text=_("VK Video, RuTube or YouTube."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)
    cover = ImageChooserBlock(label=_("Cover image"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("file") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Upload a video file or give a link."))
                }
            )
        return value

    class Meta:
        icon = "media"
        label = _("Video")
        preview_value = {
            "url": "https://rutube.ru/video/0123456789abcdef/",
            "title": "Министр отвечает на вопросы",
            "description": "Прямая линия о выплатах семьям с детьми.",
        }
        template = "cms/blocks/video.html"


class LiveBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Stream link"))
    start = blocks.DateTimeBlock(label=_("Starts at"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Live stream")
        preview_value = {
            "url": "https://vk.com/video_ext.php?oid=-1&id=1",
            "start": "2026-12-01T11:00:00+07:00",
            "title": "Прямой эфир с министром",
            "description": "Отвечаем на вопросы о зимних выплатах.",
        }
        template = "cms/blocks/live.html"


class PollBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    options = blocks.ListBlock(
        blocks.CharBlock(label=_("Option"), max_length=200),
        label=_("Options"),
        min_num=MIN_POLL_OPTIONS,
        max_num=MAX_POLL_OPTIONS,
    )
    multiple = blocks.BooleanBlock(label=_("Multiple choice"), required=False)
    anonymous = blocks.BooleanBlock(label=_("Anonymous"), required=False, default=True)
    closes_at = blocks.DateTimeBlock(label=_("Closes at"), required=False)

    class Meta:
        icon = "tasks"
        label = _("Poll")
        preview_value = {
            "question": "Как вам удобнее подавать заявления?",
            "options": ["На Госуслугах", "В МФЦ", "В управлении соцзащиты"],
            "multiple": False,
            "anonymous": True,
        }
        template = "cms/blocks/poll.html"
        description = _("A native poll in each network (text where it cannot be).")


class ContestBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    terms = blocks.TextBlock(label=_("Terms"))
    start = blocks.DateBlock(label=_("Starts on"))
    end = blocks.DateBlock(label=_("Ends on"))
    how_to_enter = blocks.TextBlock(label=_("How to take part"))
    prize = blocks.CharBlock(label=_("Prize"), required=False, max_length=300)
    link = blocks.URLBlock(label=_("Link"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if value.get("start") and value.get("end") and value["end"] < value["start"]:
            raise StructBlockValidationError(
                block_errors={
                    "end": ValidationError(
                        _("The contest cannot end before it starts.")
                    )
                }
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Contest or promotion")
        preview_value = {
            "title": "Фотоконкурс «Моя семья»",
            "terms": "Пришлите семейное фото и пару слов о нём.",
            "start": "2026-12-01",
            "end": "2026-12-20",
            "how_to_enter": "Отправьте фото в сообщения сообщества.",
            "prize": "Семейная поездка в Шерегеш",
        }
        template = "cms/blocks/contest.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Author"), max_length=200)
    role = blocks.CharBlock(label=_("Author's role"), required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        preview_value = {
            "text": "Мы хотим, чтобы помощь приходила к людям сама.",
            "author": "Елена Воронина",
            "role": "министр социальной защиты населения Кузбасса",
        }
        template = "cms/blocks/quote.html"


class PieceStreamBlock(blocks.StreamBlock):
    text = TextBlock()
    photo = PhotoBlock()
    gallery = GalleryBlock()
    infographic = InfographicBlock()
    cards = CardsBlock()
    animation = AnimationBlock()
    video = VideoBlock()
    live = LiveBlock()
    poll = PollBlock()
    contest = ContestBlock()
    quote = QuoteBlock()
