"""VK (VKontakte): a community wall post.

The render (pure); ``wall.post``, the uploads and ``polls.create`` are the client's,
``syndication/api/vk.py``. Limits and where they come from (docs/networks.md §1.3-1.4):

* media per post: at most 10 photos/videos; one poll; one document
  (dev.vk.com/en/method/wall.post, checked there 2026).
* poll: ``add_answers`` 1-10 answers (VKCOM/vk-api-schema polls/methods.json); answer
  at most 100 characters (dev.vk.com wall.post content rules, 2026).
* photo caption (``photos.saveWallPhoto``): at most 2048 characters
  (VKCOM/vk-api-schema photos/methods.json).
* post text: 16 384 characters is widely cited but UNVERIFIED - no official page states
  it (searched dev.vk.com mirrors and the reference corpus, 2026-11). We keep a margin
  and count UTF-16 units. Poll question length: UNVERIFIED; 255 assumed.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from syndication.content import Poll
from syndication.networks.wall import PlainWallNetwork


class VKNetwork(PlainWallNetwork):
    code = "vk"
    name = _("VK")
    method = "wall.post"
    text_limit = 15_000  # below the unverified 16 384, see the module docstring
    max_media = 10
    caption_limit = 2048
    poll_question_limit = 255
    poll_option_limit = 100
    poll_max_options = 10

    def poll_spec(self, poll: Poll) -> dict:
        # Parameters of polls.create; the client adds owner_id and attaches the
        # result as poll{owner_id}_{id}.
        spec = {
            "question": poll.question,
            "add_answers": list(poll.options),
            "is_anonymous": int(poll.anonymous),
            "is_multiple": int(poll.multiple),
        }
        if poll.closes_at:
            spec["end_date"] = int(poll.closes_at.timestamp())
        return spec
