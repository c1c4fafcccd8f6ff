"""Offline training and table building, beside ``benchmarks/``; never imported by ``toolkit``.

Why a separate folder: training needs torch and transformers and reads the shared data
folder outside the repository; the installed package decodes the saved weights with numpy
and must not depend on either. Run from the repository root (see ``training/README.md``).
"""
