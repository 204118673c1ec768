"""The list loaders on fictitious files in the published formats (OFAC SDN.CSV/ALT.CSV/SDN.XML, EU CSV/XML),
and bad files: one-line BadInput naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from oresight.exceptions import BadInput
from oresight.sanctions import read_list
from oresight.sanctions.formats import sniff

DATA = Path(__file__).parent / "data" / "sanctions"


def by_ref(files: list[Path], list_name: str | None = None) -> dict[str, object]:
    return {e.ref: e for e in read_list(files, list_name).entries}


def test_ofac_csv_with_aliases() -> None:
    parsed = read_list([DATA / "SDN.CSV", DATA / "ALT.CSV", DATA / "ADD.CSV"])
    assert parsed.list_name == "ofac"
    assert [f.format for f in parsed.files] == ["ofac-sdn-csv", "ofac-alt-csv", "ofac-ignored"]
    entries = {e.ref: e for e in parsed.entries}
    assert sorted(entries) == ["91001", "91002", "91003", "91004", "91005", "91006", "91007"]
    norvik = entries["91001"]
    assert (norvik.name, norvik.kind, norvik.programs) == ("NORVIK METALS TRADING LLC", "entity", ("RUSSIA-EO14024",))
    assert [(a.name, a.kind) for a in norvik.aliases] == [("NORVIK METALS", "aka")]
    assert "Tax ID No. 7700000001" in norvik.remarks  # the quoted remarks, commas inside kept
    assert entries["91002"].kind == "person" and entries["91002"].name == "KUZNETSOV, Sergei Valentinovich"
    assert entries["91005"].kind == "vessel"
    assert entries["91004"].programs == ("NPWMD", "IFSR")  # "NPWMD] [IFSR" split
    assert entries["91007"].remarks == ""  # "-0- " is empty
    assert [(a.name, a.kind) for a in entries["91003"].aliases] == [("URAL MINING COMPANY LLC", "aka"), ("UGK OOO", "fka")]
    assert parsed.name_count == 7 + 5  # the alias of ent_num 99999 (no such entry) is left out, with a note
    assert any("refer to no entry" in n for n in parsed.notes)
    assert any("ADD.CSV" in n for n in parsed.notes)


def test_ofac_xml_namespaced_weak_aliases_left_out() -> None:
    parsed = read_list([DATA / "SDN.XML"])
    entries = {e.ref: e for e in parsed.entries}
    assert parsed.list_name == "ofac" and parsed.published == "2026-11-28"
    assert entries["91002"].name == "KUZNETSOV, Sergei Valentinovich" and entries["91002"].kind == "person"
    assert [a.name for a in entries["91001"].aliases] == ["NORVIK METALS"]  # the weak 'NMT' is not screened
    assert entries["91005"].kind == "vessel"
    assert any("weak" in n for n in parsed.notes)


def test_csv_and_xml_of_one_list_merge_by_entry() -> None:
    merged = by_ref([DATA / "SDN.CSV", DATA / "SDN.XML", DATA / "ALT.CSV"])
    assert len(merged) == 7
    assert [a.name for a in merged["91001"].aliases] == ["NORVIK METALS"]  # the same alias from both, once


@pytest.mark.parametrize("name", ["eu_consolidated.csv", "eu_consolidated.xml"])
def test_eu_formats(name: str) -> None:
    parsed = read_list([DATA / name])
    entries = {e.ref: e for e in parsed.entries}
    assert parsed.list_name == "eu" and parsed.published == "2026-11-28"
    plant = entries["80001"]
    assert plant.name == "Sibirskiy Redkozemelnyy Zavod AO" and plant.kind == "entity" and plant.programs == ("RUS",)
    assert [(a.name, a.kind) for a in plant.aliases] == [("АО «Сибирский редкоземельный завод»", "RU")]
    person = entries["80002"]
    assert person.kind == "person" and person.name == "Dmitriy Aleksandrovich SHCHERBAKOV"
    assert [a.name for a in person.aliases] == ["Дмитрий Александрович Щербаков"]
    # the Latin-script name is shown first even where the list gives the Chinese one first
    assert entries["80003"].name == "Jinlong Kuangye Youxian Gongsi"
    assert [a.name for a in entries["80003"].aliases] == ["金龙矿业有限公司"]


def test_detection_and_the_list_option() -> None:
    kinds = dict(sniff([DATA / "SDN.CSV", DATA / "ALT.CSV", DATA / "SDN.XML", DATA / "eu_consolidated.csv",
                        DATA / "eu_consolidated.xml"]))
    assert list(kinds.values()) == ["ofac:ofac-sdn-csv", "ofac:ofac-alt-csv", "ofac:ofac-xml", "eu:eu-csv", "eu:eu-xml"]
    assert read_list([DATA / "SDN.XML"], "ofac").list_name == "ofac"
    with pytest.raises(BadInput, match="not EU"):
        read_list([DATA / "SDN.XML"], "eu")


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return p


@pytest.mark.parametrize("name,data,message", [
    ("SDN.CSV", '91001,"A LTD",-0- ,"X",-0- ,-0- \r\n', "not an OFAC SDN.CSV"),
    ("SDN.CSV", '91001,"A LTD",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n91002,"B",-0- \r\n', "a row has 3 fields"),
    ("SDN.CSV", 'abc,"A LTD",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "not a sanctions list file"),
    ("list.xml", "<sdnList><sdnEntry><uid>1</uid>", "not well-formed XML"),
    ("list.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><sdnList/>', "DTD"),
    ("list.xml", "<html><body>403</body></html>", "<html> root"),
    ("eu.csv", "fileGenerationDate;Entity_LogicalId;NameAlias_WholeName\n", "no list entry read"),
    ("eu.csv", "fileGenerationDate;Entity_LogicalId;Other\n28/11/2026;1;x\n", "NameAlias_WholeName"),
    ("empty.csv", "", "empty file"),
    ("blob.bin", b"\x00\x01\x02" * 100, "binary"),
])
def test_bad_files(tmp_path: Path, name: str, data: str | bytes, message: str) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(BadInput, match=message) as e:
        read_list([path])
    assert "\n" not in str(e.value)
    assert name in str(e.value) or "no list entry" in str(e.value)


def test_alt_without_sdn_and_mixed_lists(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"together with its SDN\.CSV"):
        read_list([DATA / "ALT.CSV"])
    with pytest.raises(BadInput, match="different lists"):
        read_list([DATA / "SDN.CSV", DATA / "eu_consolidated.csv"])
    with pytest.raises(BadInput, match="no such file"):
        read_list([tmp_path / "missing.csv"])


def test_windows_1252_and_ctrl_z(tmp_path: Path) -> None:
    row = '91010,"SOCIÉTÉ MINIÈRE FICTIVE S.A.",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a'
    path = _write(tmp_path, "SDN.CSV", row.encode("cp1252"))
    (entry,) = read_list([path]).entries
    assert entry.name == "SOCIÉTÉ MINIÈRE FICTIVE S.A."
