"""OK (Odnoklassniki): a group topic (``mediatopic.post`` with ``type=GROUP_THEME``).

The render (pure); the client is ``syndication/api/ok.py``. docs/networks.md §2.3-2.4: the
topic is a list of media items (text, photo, poll ...); poll media is
``{"type": "poll", "question", "answers": [{"text"}], "options": "SingleChoice,..."}``
(apiok.ru ui.postMediatopic). Everything else about limits is UNVERIFIED - apiok.ru
documents no maximum topic length, photo count or poll size, and none was found in
the reference corpus (2026-11). Conservative assumptions, so a topic is never
rejected: text 4000 characters, 10 photos, 10 poll answers of 100 characters,
question 255. ``MultipleChoice`` as the multiple-answer option name is UNVERIFIED.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from syndication.content import Poll
from syndication.networks.wall import PlainWallNetwork


class OKNetwork(PlainWallNetwork):
    code = "ok"
    name = _("Odnoklassniki")
    method = "mediatopic.post"
    text_limit = 4000
    max_media = 10
    caption_limit = 0  # topic photos carry no caption of their own
    poll_question_limit = 255
    poll_option_limit = 100
    poll_max_options = 10

    def poll_spec(self, poll: Poll) -> dict:
        options = ["MultipleChoice" if poll.multiple else "SingleChoice"]
        if poll.anonymous:
            options.append("AnonymousVoting")
        return {
            "type": "poll",
            "question": poll.question,
            "answers": [{"text": option} for option in poll.options],
            "options": ",".join(options),
        }
