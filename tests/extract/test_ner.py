"""The optional local token-classification model: plumbing, offsets, never a download."""

import pytest

from toolkit.entities.mentions import merge_model
from toolkit.extract import RawMention, load_ner


def test_a_directory_without_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(ValueError, match="not a local model directory"):
        load_ner(tmp_path, "en")


def test_model_mentions_fill_gaps_and_rules_win_overlaps():
    rule = [RawMention("en", 0, 15, "Salim al-Obeidi", "Salim al-Obeidi", "PER", "pattern")]
    model = [
        RawMention("en", 0, 5, "Salim", "Salim", "PER", "model"),
        RawMention("en", 24, 28, "Qaim", "Qaim", "LOC", "model"),
    ]
    merged = merge_model(rule, model)
    assert [(m.text, m.source) for m in merged] == [("Salim al-Obeidi", "pattern"), ("Qaim", "model")]


@pytest.mark.slow
def test_a_tiny_local_model_gives_mentions_with_offsets(tmp_path):
    torch = pytest.importorskip("torch")
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *"salim al obeidi visited qaim - .".split()]
    (tmp_path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tok = BertTokenizerFast(vocab_file=str(tmp_path / "vocab.txt"), do_lower_case=True)
    cfg = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                     intermediate_size=32, num_labels=3, id2label={0: "O", 1: "B-PER", 2: "I-PER"},
                     label2id={"O": 0, "B-PER": 1, "I-PER": 2})
    model = BertForTokenClassification(cfg)
    with torch.no_grad():  # every token a person: enough to test the plumbing
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(torch.tensor([0.0, 5.0, 0.0]))
    model.save_pretrained(tmp_path)
    tok.save_pretrained(tmp_path)
    text = "Salim al-Obeidi visited Qaim."
    mentions = load_ner(tmp_path, "en")(text)
    assert mentions
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.source == "model" and m.type == "PER"
        assert any(c.isalpha() for c in m.text)


def test_a_model_directory_with_pickled_weights_is_refused(tmp_path):
    import pytest

    (tmp_path / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    (tmp_path / "pytorch_model.bin").write_bytes(b"not loaded: pickle")
    with pytest.raises(ValueError, match="no safetensors weights"):
        load_ner(tmp_path, "en")
