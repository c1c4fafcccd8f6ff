"""A hostile report pair: markup, ``</script>``, bidi overrides and many sentences."""

from __future__ import annotations

RLO, PDF, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"

EN_LINES = (
    "Ahmed al-Jubouri met officials in Baghdad <script>alert('x')</script> on Sunday.",
    "The statement </script><img src=x onerror=alert(1)> was read in Anbar.",
    f"Kataeb Hezbollah {RLO}denied the report{PDF} & said \"nothing\" happened in Syria.",
    f"Officials in {LRI}Al-Qaim{PDI} said the <b>border</b> was quiet.",
)
AR_LINES = (
    "التقى أحمد الجبوري مسؤولين في بغداد <script>alert('x')</script> يوم الأحد.",
    "قرئ البيان </script><img src=x onerror=alert(1)> في الأنبار.",
    f"ونفت كتائب حزب الله {RLO}التقرير{PDF} وقالت \"لا شيء\" حدث في سوريا.",
    f"وقال مسؤولون في {LRI}القائم{PDI} إن <b>الحدود</b> هادئة.",
)


def hostile_pair(sentences: int) -> tuple[str, str]:
    """English and Arabic reports of ``sentences`` sentences each, one a line."""
    en = "\n".join(EN_LINES[i % len(EN_LINES)] for i in range(sentences)) + "\n"
    ar = "\n".join(AR_LINES[i % len(AR_LINES)] for i in range(sentences)) + "\n"
    return en, ar
