"""Render: offers → values the theme's templates show (money and dates via Babel)."""

from honest_offers.render.view import OfferView, format_money, offer_view

__all__ = ["OfferView", "format_money", "offer_view"]
