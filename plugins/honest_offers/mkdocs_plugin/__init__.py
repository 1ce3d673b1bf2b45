"""The MkDocs adapter: a thin layer over :mod:`honest_offers.catalog` and the theme."""
