"""The honest-offers theme: Jinja templates and assets layered over mkdocs-material.

This file only makes the folder importable as ``honest_offers.theme`` so that
``importlib.resources`` finds it in a wheel and in an editable checkout alike.
"""
