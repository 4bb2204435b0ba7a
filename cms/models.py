"""The site's pages: the home page, the news list and the news piece itself."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import PieceStreamBlock
from .forms import NewsPageForm, SyndicationChoicePanel
from .links import latin_slug

NEWS_PER_PAGE = 12


class HomePage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["cms.NewsIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live().public().order_by("-date", "-pk")[:6]
        )
        context["news_index"] = NewsIndexPage.objects.live().first()
        return context


class NewsIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]

    class Meta:
        verbose_name = _("news list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .order_by("-date", "-pk")
        )
        tag = request.GET.get("tag")
        if tag:
            news = news.filter(tags__name=tag)
        paginator = Paginator(news.select_related("cover"), NEWS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page_obj = paginator.page(1)
        context.update(news=page_obj, tag=tag)
        return context


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(Page):
    """A piece: written once here, then adapted for every network by syndication."""

    lead = models.TextField(
        _("lead"),
        max_length=1000,
        help_text=_(
            "Two or three plain sentences: what happened and why it matters. "
            "A social post opens with it."
        ),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("They become hashtags in the networks."),
    )
    date = models.DateField(_("publication date"), default=timezone.localdate)
    body = StreamField(PieceStreamBlock(), verbose_name=_("body"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # A press title runs to 80-100 characters: the title grows to as many lines as it
    # needs instead of scrolling out of sight in Wagtail's one-line field (about 40
    # characters were visible at 1366 px). Enter does not break it; the form joins
    # pasted lines (NewsPageForm.clean_title).
    content_panels = [
        TitleFieldPanel(
            "title",
            widget=AdminAutoHeightTextInput(
                attrs={
                    "data-controller": "w-autosize w-action",
                    "data-action": "keydown.enter->w-action#noop:prevent",
                }
            ),
        ),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("cover"), FieldPanel("tags")],
            heading=_("Publication"),
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("news piece")
        verbose_name_plural = _("news pieces")

    # Wagtail's own tabs, and «Соцсети»: where and when the posts go, decided here.
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
            ObjectList(
                [SyndicationChoicePanel()],
                heading=_("Social networks"),
                classname="syndication-tab",
            ),
        ],
        base_form_class=NewsPageForm,
    )

    def _set_core_field_defaults(self):
        # A new piece's slug is Latin (cms/links.py), whether the editor's form, an
        # import or the demo set it; a piece once published keeps its address.
        parent_is_known = bool(self.path or getattr(self, "_cached_parent_obj", None))
        if not self.first_published_at:
            base = self.slug if self.slug else self.title
            if base and (not self.slug or not self.slug.isascii()):
                slug = latin_slug(base)
                if slug and parent_is_known:
                    self.slug = self._get_autogenerated_slug(slug)
                elif slug:
                    self.slug = slug
        super()._set_core_field_defaults()

    @property
    def tag_names(self) -> list[str]:
        return [tag.name for tag in self.tags.all()]

    def first_image(self):
        """The picture a link preview shows: the cover, else the first photo."""
        if self.cover_id:
            return self.cover
        for block in self.body:
            if block.block_type in {"photo", "infographic"}:
                return block.value.get("image")
            if block.block_type == "gallery" and block.value["photos"]:
                return block.value["photos"][0].get("image")
        return None
