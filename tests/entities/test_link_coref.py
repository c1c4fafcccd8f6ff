"""Linking inside a sentence pair (one to one, best total) and same-language chains."""

from toolkit.entities.coref import chains
from toolkit.entities.link import assign, link_pair
from toolkit.extract import RawMention


def test_assignment_maximises_the_total_not_the_first_pick():
    # Greedy would take (0, 0) = 0.9 and leave row 1 with 0.1; the best total is 0.8 + 0.85.
    pairs = dict(assign([[0.9, 0.8], [0.85, 0.1]]))
    assert pairs == {0: 1, 1: 0}


def m(lang, text, typ="PER", eid="", start=0, acronym_of="", source="pattern"):
    return RawMention(lang, start, start + len(text), text, text, typ, source, eid, 1.0, acronym_of=acronym_of)


def test_link_pair_uses_lexicon_ids_and_never_links_conflicting_ids():
    en = [(0, m("en", "Kataeb Hezbollah", "ORG", "org:kh")), (1, m("en", "Hezbollah", "ORG", "org:hz"))]
    ar = [(0, m("ar", "حزب الله", "ORG", "org:hz")), (1, m("ar", "كتائب حزب الله", "ORG", "org:kh"))]
    links = link_pair(en, ar, lambda a, b: (0.99, "names"))
    assert {(l.en, l.ar) for l in links} == {(0, 1), (1, 0)}


def test_surname_joins_the_full_name_and_acronym_its_expansion():
    ms = [
        m("en", "Mohammed Shiaa al-Sudani", start=0),
        m("en", "Popular Mobilisation Forces", "ORG", start=40),
        m("en", "PMF", "ORG", start=80, acronym_of="Popular Mobilisation Forces", source="acronym"),
        m("en", "al-Sudani", "MISC", start=100),
        m("en", "Hamid al-Karbouli", start=140),
    ]
    groups = sorted(sorted(c.members) for c in chains(ms))
    assert groups == [[0, 3], [1, 2], [4]]


def test_ambiguous_surname_joins_nothing():
    ms = [m("en", "Ali al-Jubouri", start=0), m("en", "Karim al-Jubouri", start=30), m("en", "al-Jubouri", start=60)]
    groups = sorted(sorted(c.members) for c in chains(ms))
    assert groups == [[0], [1], [2]]


def test_different_lexicon_ids_never_chain():
    ms = [m("en", "Hezbollah", "ORG", "org:hz"), m("en", "Hezbollah", "ORG", "org:other", start=20)]
    assert len(chains(ms)) == 2


def test_arabic_surname_joins_the_full_name():
    ms = [m("ar", "محمد شياع السوداني"), m("ar", "السوداني", "PER", start=40)]
    assert [sorted(c.members) for c in chains(ms)] == [[0, 1]]


def test_assignment_matches_brute_force_on_random_matrices():
    import itertools
    import random

    rnd = random.Random(3)
    for _ in range(200):
        r, c = rnd.randint(1, 5), rnd.randint(1, 5)
        mat = [[rnd.random() for _ in range(c)] for _ in range(r)]
        got = assign(mat)
        assert len(got) == min(r, c)
        assert len({i for i, _ in got}) == len({j for _, j in got}) == len(got)
        best = 0.0
        if r <= c:
            for perm in itertools.permutations(range(c), r):
                best = max(best, sum(mat[i][perm[i]] for i in range(r)))
        else:
            for perm in itertools.permutations(range(r), c):
                best = max(best, sum(mat[perm[j]][j] for j in range(c)))
        assert abs(sum(mat[i][j] for i, j in got) - best) < 1e-9


def test_a_title_does_not_take_a_word_that_only_sounds_like_its_last():
    # the match key is phonetic (Love and Live share one): a title's short form must be
    # spelled the same ("Live" joins "Saturday Night Live", "Love" does not)
    love = [m("en", "Saturday Night Live", "MISC"), m("en", "Love", "MISC", start=40)]
    assert sorted(sorted(c.members) for c in chains(love)) == [[0], [1]]
    live = [m("en", "Saturday Night Live", "MISC"), m("en", "Live", "MISC", start=40)]
    assert sorted(sorted(c.members) for c in chains(live)) == [[0, 1]]
