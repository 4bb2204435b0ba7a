"""The Russian style checker against bureaucratese, as a Django app.

``voice.checker`` is the engine and imports no Django; the modules next to it
(views, panels, template tags, hooks, the ``voice`` command) are the admin glue.
"""
