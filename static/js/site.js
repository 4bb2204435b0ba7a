/* Progressive enhancements; the site works without them. */
(function () {
  "use strict";
  var reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  /* Looping animations (MP4 in the "animation" block) get a pause button (WCAG 2.2.2)
     and stay still for readers who asked their system for less motion. */
  document.querySelectorAll("video[data-animation]").forEach(function (video) {
    var wrap = document.createElement("div");
    wrap.className = "media-wrap";
    video.parentNode.insertBefore(wrap, video);
    wrap.appendChild(video);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "media-pause";
    wrap.appendChild(button);
    function label() {
      /* The labels come translated from the template. */
      button.textContent = video.paused ? video.dataset.labelPlay : video.dataset.labelPause;
    }
    button.addEventListener("click", function () {
      if (video.paused) { video.play(); } else { video.pause(); }
    });
    video.addEventListener("play", label);
    video.addEventListener("pause", label);
    if (reduceMotion) { video.removeAttribute("autoplay"); video.pause(); }
    label();
  });
})();
