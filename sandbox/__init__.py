"""A local emulator of the VK, OK and Telegram APIs (dev, tests and the demo).

Served under /sandbox/ when ``settings.SANDBOX_ENABLED``; the app itself is always
installed so that its migrations exist everywhere."""
