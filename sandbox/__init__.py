"""A local emulator of every network's API and OAuth (dev, tests and the demo).

Installed only by the dev and test settings (never in production) and served under
/sandbox/ when ``settings.SANDBOX_ENABLED``. One emulator module per network in
``networks/<code>.py``; the shared plumbing (request parameters, faults, rate windows,
pushed events, the wall pages) in the small modules beside them."""
