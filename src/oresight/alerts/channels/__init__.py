"""Delivery channels behind one interface (see :mod:`oresight.alerts.channels.base`)."""

from oresight.alerts.channels.base import CHANNEL_KINDS, Channel, DeliveryError, build_channel, register

__all__ = ["CHANNEL_KINDS", "Channel", "DeliveryError", "build_channel", "register"]
