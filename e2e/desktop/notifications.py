#!/usr/bin/python3
"""A notification daemon for the desktop journey: owns org.freedesktop.Notifications on the session
bus the test started, answers as a real daemon would, and prints each Notify as one JSON line on
stdout (app, title, body, sound hint) for the test to read. Debian's python3-dbus on GLib's loop."""

import json
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


class Notifications(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, PATH)
        self.last_id = 0

    @dbus.service.method(NAME, in_signature="susssasa{sv}i", out_signature="u")
    def Notify(self, app, replaces_id, icon, title, body, actions, hints, timeout):
        self.last_id += 1
        sound = hints.get("sound-name")
        line = {"id": self.last_id, "app": str(app), "title": str(title), "body": str(body),
                "sound": str(sound) if sound is not None else None}
        print(json.dumps(line), flush=True)
        return self.last_id

    @dbus.service.method(NAME, in_signature="", out_signature="as")
    def GetCapabilities(self):
        return ["body", "sound"]

    @dbus.service.method(NAME, in_signature="", out_signature="ssss")
    def GetServerInformation(self):
        return ["panoramix-test", "panoramix", "1.0", "1.2"]

    @dbus.service.method(NAME, in_signature="u", out_signature="")
    def CloseNotification(self, notification_id):
        pass


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.SessionBus()
    # Kept referenced for the life of the loop: the name goes when it is collected.
    name = dbus.service.BusName(NAME, bus, do_not_queue=True)
    daemon = Notifications(bus)
    print(json.dumps({"ready": True}), flush=True)
    GLib.MainLoop().run()
    del name, daemon


if __name__ == "__main__":
    sys.exit(main())
