"""The entity pipeline as components over one Document: order, data flow, failures."""

import subprocess
import sys

import pytest

import toolkit.align
from toolkit.align import AlignmentError
from toolkit.entities import Document, build_pipeline, extract_entities
from toolkit.entities.texts import CheckTexts
from toolkit.extract import Gazetteer
from toolkit.lexdata import Entry

GAZ = Gazetteer([
    Entry("org:kh", "ORG", "Kataeb Hezbollah", "كتائب حزب الله", (), (), ("KH",)),
    Entry("loc:qaim", "LOC", "Al-Qaim", "القائم", ("Qaim",)),
])
EN = "Fighters of Kataeb Hezbollah crossed near Al-Qaim on Sunday.\nBrigadier General Salim al-Obeidi said the border was calm.\n"
AR = "عبر مقاتلون من كتائب حزب الله قرب القائم يوم الأحد.\nوقال العميد سليم العبيدي إن الحدود هادئة.\n"


def test_components_run_in_order_and_fill_the_document():
    pipeline = build_pipeline(GAZ, presplit=True, encoder="hash", translit_model=False)
    assert pipeline.names == ("sentences", "alignment", "mentions", "links", "chains", "clusters")
    doc = Document(EN, AR)
    CheckTexts()(doc)
    assert doc.bilingual
    pipeline(doc)
    assert len(doc.en_sents) == len(doc.ar_sents) == 2
    assert doc.pairs and doc.links and doc.en_chains and doc.ar_chains
    # every link points at mentions of the document, in the sentences of its pair
    for link in doc.links:
        assert doc.en_mentions[link.en].sentence in link.en_sents
        assert doc.ar_mentions[link.ar].sentence in link.ar_sents
    assert doc.result().entities == tuple(doc.entities)
    assert doc.result() == extract_entities(EN, AR, gazetteer=GAZ, presplit=True, encoder="hash", translit_model=False)


def test_a_refused_alignment_is_said_and_lexicon_ids_still_link(monkeypatch):
    def refuse(*args, **kwargs):
        raise AlignmentError("too many sentences")

    monkeypatch.setattr(toolkit.align, "align_reports", refuse)
    result = extract_entities(EN, AR, gazetteer=GAZ, presplit=True, translit_model=False)
    assert result.alignment_mode == "none" and result.links == ()
    assert any(m.startswith("sentences not aligned (too many sentences)") for m in result.messages)
    kh = result.find("Kataeb Hezbollah")
    assert kh is not None and kh.ar == "كتائب حزب الله"


def test_a_failing_aligner_is_not_swallowed(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug in the aligner")

    monkeypatch.setattr(toolkit.align, "align_reports", broken)
    with pytest.raises(RuntimeError, match="a bug in the aligner"):
        extract_entities(EN, AR, gazetteer=GAZ, presplit=True, translit_model=False)


def test_the_projection_glossary_is_built_on_first_use_only():
    code = (
        "import toolkit.extract.projection\n"
        "import toolkit.extract.scores as s\n"
        "assert s.glossary.cache_info().currsize == 0\n"
        "assert s.cross_score('Iraqi News Agency', 'وكالة الأنباء العراقية') > 0.8\n"
        "assert s.glossary.cache_info().currsize == 1\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
