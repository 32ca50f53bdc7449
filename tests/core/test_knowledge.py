"""The knowledge file: bundled content, discovery next to a blog, and one-line errors with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.errors import InputError
from tui.core.knowledge import Knowledge, load_knowledge, parse_knowledge


def test_bundled_knowledge_has_the_four_negotiating_delegations() -> None:
    k = load_knowledge()
    ids = [d.id for d in k.delegations if d.negotiating]
    assert ids == ["russia", "ukraine", "united_states", "turkiye"]
    assert k.delegation("turkiye").host is True


def test_bundled_people_carry_every_spelling() -> None:
    k = load_knowledge()
    fomin = k.person("Aleksandr Fomin")
    assert "Alexander Fomin" in fomin.aliases
    assert fomin.delegation is None  # who sits in which delegation is learnt from the posts, not the file
    rt = k.person("Konstantin Pridybaylo")
    assert {"Kostya Prydybalo", "Kostya Pridybailo"} <= set(rt.aliases)
    assert "Sybiha" in k.person("Andrey Sibiga").aliases
    assert "Zelenskyy" in k.person("Vladimir Zelensky").aliases


def test_knowledge_for_a_user_blog_is_its_sibling_file(tmp_path: Path) -> None:
    blog = tmp_path / "talks.txt"
    blog.write_text("x\n")
    (tmp_path / "talks.knowledge.toml").write_text('[[people]]\nname = "Jane Roe"\naliases = ["Roe"]\n')
    k = load_knowledge(blog_path=blog)
    assert [p.name for p in k.people] == ["Jane Roe"]


def test_a_blog_without_knowledge_gets_an_empty_one(tmp_path: Path) -> None:
    blog = tmp_path / "other.txt"
    blog.write_text("x\n")
    assert load_knowledge(blog_path=blog) == Knowledge()


def test_toml_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    p = tmp_path / "k.toml"
    p.write_text('[[people]]\nname = "A"\naliases = ["x", \n')
    with pytest.raises(InputError) as e:
        load_knowledge(p)
    msg = str(e.value)
    assert msg.startswith(f"{p}:") and "invalid TOML" in msg and "\n" not in msg


def test_wrong_type_names_the_table_key_path_and_its_line() -> None:
    text = "\n".join([
        "[[people]]", 'name = "A"',
        "[[people]]", 'name = "B"',
        "[[people]]", 'name = "C"',
        "[[people]]", 'name = "D"', 'aliases = "D"',
    ])
    with pytest.raises(InputError) as e:
        parse_knowledge(text, "knowledge.toml")
    assert str(e.value) == "knowledge.toml:9: people[3].aliases must be a list of strings"


def test_unknown_delegation_reference_is_an_error() -> None:
    with pytest.raises(InputError, match=r"people\[0\]\.delegation 'mars' is not a delegation id"):
        parse_knowledge('[[people]]\nname = "A"\ndelegation = "mars"\n')


def test_missing_required_name() -> None:
    with pytest.raises(InputError, match=r"knowledge.toml:1: outlets\[0\] needs a 'name'"):
        parse_knowledge('[[outlets]]\naliases = ["x"]\n', "knowledge.toml")


def test_unknown_section_is_reported() -> None:
    with pytest.raises(InputError, match="unknown section 'peple'"):
        parse_knowledge('[[peple]]\nname = "A"\n')


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read knowledge file"):
        load_knowledge(tmp_path / "none.toml")


def test_corrections_are_validated() -> None:
    good = parse_knowledge('[[delegations]]\nid = "a"\n[[corrections.status]]\nevidence = "x"\ndelegation = "a"\nstatus = "arrived"\n')
    assert good.corrections[0].table == "status"
    with pytest.raises(InputError, match=r"corrections\.status\[0\]\.status must be one of"):
        parse_knowledge('[[delegations]]\nid = "a"\n[[corrections.status]]\nevidence = "x"\ndelegation = "a"\nstatus = "flying"\n')
