"""Training of the transliteration model and building of its tables (see ``train.py``)."""
