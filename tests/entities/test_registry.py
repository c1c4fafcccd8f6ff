"""The registry: stable ids across documents, explainable and reversible merges."""

from toolkit.entities import Entity, EntityList, Mention
from toolkit.entities.registry import Registry


def ent(eid, typ, en, ar, doc_text_en="", doc_text_ar="", lexicon_id=""):
    ms = []
    if en:
        ms.append(Mention("en", 0, len(en), en, 0, "pattern", en, typ))
    if ar:
        ms.append(Mention("ar", 0, len(ar), ar, 0, "pattern", ar, typ))
    return Entity(eid, typ, en, ar, mentions=tuple(ms), lexicon_id=lexicon_id)


def test_same_entity_keeps_its_id_across_documents(tmp_path):
    with Registry(tmp_path / "r.db") as reg:
        a = reg.add(EntityList((ent("doc:per:x", "PER", "Salim al-Obeidi", "سليم العبيدي"),)), "d1")
        b = reg.add(EntityList((ent("doc:per:y", "PER", "", "سليم العبيدي"),)), "d2")
        c = reg.add(EntityList((ent("org:kh", "ORG", "Kataeb Hezbollah", "", lexicon_id="org:kh"),)), "d3")
        d = reg.add(EntityList((ent("org:kh", "ORG", "KH", "", lexicon_id="org:kh"),)), "d4")
        assert a[0].action == "new" and b[0].action == "matched"
        assert a[0].entity_id == b[0].entity_id
        assert c[0].entity_id == d[0].entity_id == "org:kh"
        assert reg.count() == 2
        assert len(reg.get(a[0].entity_id).mentions) == 3
        assert any("d2" in line and "matched" in line for line in reg.explain(a[0].entity_id))


def test_readding_a_document_replaces_its_mentions(tmp_path):
    with Registry(tmp_path / "r.db") as reg:
        el = EntityList((ent("doc:per:x", "PER", "Salim al-Obeidi", "سليم العبيدي"),))
        reg.add(el, "d1")
        reg.add(el, "d1")
        assert len(reg.get("doc:per:x").mentions) == 2


def test_merge_is_explained_and_undone_without_losing_mentions(tmp_path):
    with Registry(tmp_path / "r.db") as reg:
        reg.add(EntityList((ent("doc:per:a", "PER", "Abu Fadak", ""),)), "d1")
        reg.add(EntityList((ent("doc:per:b", "PER", "", "أبو فدك المحمداوي"),)), "d2")
        assert reg.count() == 2
        # A new pair says the two are one: the registry merges and says why.
        filed = reg.add(EntityList((ent("doc:per:c", "PER", "Abu Fadak", "أبو فدك المحمداوي"),)), "d3")
        assert filed[0].action == "merged"
        assert reg.count() == 1
        merged = reg.get("doc:per:a")
        assert len(merged.mentions) == 4 and "doc:per:b" in merged.merged_from
        (mid, kept, gone, reason, undone), = reg.merges()
        assert "Abu Fadak" in reason or "أبو فدك" in reason
        reg.unmerge(mid)
        assert reg.count() == 2
        total = len(reg.get("doc:per:a").mentions) + len(reg.get("doc:per:b").mentions)
        assert total == 4
        assert any("[undone]" in line for line in reg.explain("doc:per:a"))


def test_manual_merge_and_lookup(tmp_path):
    with Registry(tmp_path / "r.db") as reg:
        reg.import_entities([("x:1", "LOC", "Al-Qaim", "القائم"), ("x:2", "LOC", "Qaim town", "")])
        mid = reg.merge("x:1", "x:2", "same town")
        assert reg.find("Qaim town") == ["x:1"]
        assert reg.find("القائم") == ["x:1"]
        reg.unmerge(mid)
        assert reg.find("Qaim town") == ["x:2"]


def test_file_gives_the_list_back_under_registry_ids(tmp_path):
    with Registry(tmp_path / "r.db") as reg:
        reg.add(EntityList((ent("doc:per:x", "PER", "Salim al-Obeidi", "سليم العبيدي"),)), "d1")
        doc2 = EntityList((ent("doc:per:y", "PER", "", "سليم العبيدي"), ent("doc:loc:z", "LOC", "Al-Qaim", "")))
        filing = reg.file(doc2, "d2")
        assert [e.id for e in filing.entities] == ["doc:per:x", "doc:loc:z"]
        assert [a.action for a in filing.assignments] == ["matched", "new"] and filing.new == 1
        assert [e.en for e in filing.entities] == ["", "Al-Qaim"]  # only the ids change
        assert Registry.relabel(doc2, []) == doc2
