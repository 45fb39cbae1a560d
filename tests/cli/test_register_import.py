"""`summit register import`: delegates from the spreadsheets officials are sent (issue 22)."""

import tomllib
import zipfile
from pathlib import Path

import openpyxl
import pytest

HEADER = "Organisation,Name,Job title,Email,Sector\n"
ROWS = (
    "Internet Watch Foundation,Helen Marsh,Chief Executive,helen.marsh@iwf.example.org,charity\n"
    "google,Aisha Khan,Head of Mobile Policy,aisha.khan@google.example.org,\n"
    "Café Société,Zoë Brontë,Directrice,zoe@cafe.example.org,charity\n"
    "CAFÉ SOCIÉTÉ,Marc Dubois,Responsable,marc@cafe.example.org,\n"
)


def register(root: Path) -> dict:  # type: ignore[type-arg]
    return tomllib.loads((root / "invitees.toml").read_text())["organisations"]


def write(tmp_path: Path, text: str, name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_rows_become_organisations_and_delegates_with_ids_from_names(
    data_dir: Path, cli, tmp_path: Path
) -> None:
    before = (data_dir / "invitees.toml").read_text()
    result = cli("register", "import", write(tmp_path, HEADER + ROWS), "--data", data_dir)
    assert result.code == 0, result.err
    orgs = register(data_dir)
    cafe = orgs["cafe-societe"]  # named twice (in two cases): one organisation
    assert cafe["name"] == "Café Société" and cafe["sector"] == "charity"
    assert set(cafe["delegates"]) == {"zoe-bronte", "marc-dubois"}
    assert orgs["google"]["delegates"]["aisha-khan"]["job_title"] == "Head of Mobile Policy"
    assert "Added 1 organisation(s): Café Société [cafe-societe]" in result.out
    assert "Aisha Khan (Google) [aisha-khan]" in result.out
    text = (data_dir / "invitees.toml").read_text()
    comments = [line for line in before.splitlines() if line.startswith("#")]
    assert all(line in text.splitlines() for line in comments)  # every comment kept
    assert cli("validate", "--data", data_dir).code == 0


def test_importing_the_same_file_again_changes_nothing(data_dir: Path, cli, tmp_path) -> None:
    path = write(tmp_path, HEADER + ROWS)
    assert cli("register", "import", path, "--data", data_dir).code == 0
    once = (data_dir / "invitees.toml").read_bytes()
    again = cli("register", "import", path, "--data", data_dir)
    assert again.code == 0
    assert "Nothing to change" in again.out and "4 row(s) already in the register" in again.out
    assert (data_dir / "invitees.toml").read_bytes() == once


def test_a_changed_job_title_updates_the_delegate_found_by_email(data_dir, cli, tmp_path) -> None:
    row = "Google,Daniel Reyes,Vice President of Public Policy,DANIEL.REYES@google.example.org,\n"
    result = cli("register", "import", write(tmp_path, HEADER + row), "--data", data_dir)
    assert result.code == 0, result.err
    google = register(data_dir)["google"]["delegates"]
    assert google["google-policy"]["job_title"] == "Vice President of Public Policy"
    assert "Updated 1 delegate(s): Daniel Reyes (Google) [google-policy]" in result.out
    # Which field, from what to what: it said only who (found trying the CLI).
    said = " ".join(result.out.split())
    assert (
        "Daniel Reyes (Google): job title 'Director of Public Policy, UK' -> "
        "'Vice President of Public Policy'" in said
    )
    assert "email" not in said.split("Daniel Reyes (Google):")[1]  # the same address
    assert len(google) == 2  # no second Daniel Reyes


def test_a_bad_row_is_named_by_line_and_field_and_nothing_is_written(
    data_dir: Path, cli, tmp_path: Path
) -> None:
    before = (data_dir / "invitees.toml").read_bytes()
    text = (
        HEADER
        + ROWS
        + "Ofcom,Sam Price,Director,not-an-address,regulatr\n"
        + ('"Trade ""Body""",,Adviser,x@trade.example.org,trade-body\n')
    )
    path = write(tmp_path, text)
    result = cli("register", "import", path, "--data", data_dir)
    assert result.code == 1
    assert f"{path}:6: email: " in result.err
    assert f"{path}:6: sector: " in result.err  # every problem of a row, at one look
    assert f"{path}:7: name: is empty" in result.err
    assert "nothing was written" in result.err and "Traceback" not in result.err
    assert (data_dir / "invitees.toml").read_bytes() == before


def test_skip_bad_takes_the_good_rows_and_lists_the_rest(data_dir, cli, tmp_path) -> None:
    text = HEADER + ROWS + "Ofcom,Sam Price,Director,sam@ofcom.example.org,regulatr\n"
    path = write(tmp_path, text)
    result = cli("register", "import", path, "--data", data_dir, "--skip-bad")
    assert result.code == 1  # something was left out: say so in the exit code too
    assert f"{path}:6: sector: " in result.err
    orgs = register(data_dir)
    assert "cafe-societe" in orgs and "ofcom" not in orgs


def test_dry_run_says_what_would_change_and_writes_nothing(data_dir, cli, tmp_path) -> None:
    before = (data_dir / "invitees.toml").read_bytes()
    result = cli(
        "register", "import", write(tmp_path, HEADER + ROWS), "--dry-run", "--data", data_dir
    )
    assert result.code == 0
    assert "Would add 1 organisation(s)" in result.out
    assert (data_dir / "invitees.toml").read_bytes() == before


def test_a_cell_over_two_lines_names_the_line_where_its_row_ends(data_dir, cli, tmp_path) -> None:
    text = HEADER + 'Ofcom,"Sam\nPrice",Director,bad,regulator\n'
    path = write(tmp_path, text)
    result = cli("register", "import", path, "--data", data_dir)
    assert f"{path}:3: email:" in result.err


def test_an_excel_workbook_reads_like_the_csv(data_dir: Path, cli, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for line in (HEADER + ROWS).splitlines():
        sheet.append(line.split(","))
    sheet.append(["Ofcom", "Sam Price", "Director", "nope", "regulator"])
    path = tmp_path / "people.xlsx"
    book.save(path)
    result = cli("register", "import", path, "--data", data_dir)
    assert f"{path}:6: email:" in result.err  # row 6 of the sheet
    result = cli("register", "import", path, "--data", data_dir, "--skip-bad")
    assert set(register(data_dir)["cafe-societe"]["delegates"]) == {"zoe-bronte", "marc-dubois"}


def _ods(path: Path, rows: list[list[str]]) -> None:
    """A minimal OpenDocument spreadsheet, as LibreOffice writes its essentials."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{cell}</text:p>'
            "</table:table-cell>"
            for cell in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="People">{cells}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)


def test_an_opendocument_spreadsheet_reads_like_the_csv(data_dir, cli, tmp_path: Path) -> None:
    path = tmp_path / "people.ods"
    _ods(path, [line.split(",") for line in (HEADER + ROWS).splitlines()])
    result = cli("register", "import", path, "--data", data_dir)
    assert result.code == 0, result.err
    assert "zoe-bronte" in register(data_dir)["cafe-societe"]["delegates"]


@pytest.mark.parametrize(
    ("content", "said"),
    [(b"", "the file is empty"), (b"PK\x03\x04broken", "cannot read it as a spreadsheet")],
)
def test_unreadable_files_are_a_message(data_dir, cli, tmp_path, content, said) -> None:
    path = tmp_path / ("people.xlsx" if content else "people.csv")
    path.write_bytes(content)
    result = cli("register", "import", path, "--data", data_dir)
    assert result.code == 1
    assert said in result.err and "Traceback" not in result.err


def test_a_missing_file_is_a_message(data_dir, cli, tmp_path) -> None:
    result = cli("register", "import", tmp_path / "nope.csv", "--data", data_dir)
    assert result.code == 1 and "no such file" in result.err


def test_a_column_the_file_lacks_is_named_once_not_as_empty_cells(data_dir, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A file without a Job title column said "job_title: is empty" on every row, and
    importing pyproject.toml said 96 rows had problems (found trying the CLI)."""
    before = (data_dir / "invitees.toml").read_bytes()
    text = "Organisation,Name,Email,Sector\nOfcom,Sam Price,sam@ofcom.example.org,regulator\n"
    result = cli("register", "import", write(tmp_path, text), "--data", data_dir)
    assert result.code == 1
    assert "no job_title column; its first row names organisation, name, email, sector" in (
        " ".join(result.err.split())
    )
    assert "is empty" not in result.err
    assert (data_dir / "invitees.toml").read_bytes() == before


def test_other_usual_headings_are_taken_for_the_columns(data_dir, cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "E-mail" was not the email column: every row's e-mail was "empty"."""
    text = (
        "Organization,Name,Role,E-mail,Sector\n"
        "Ofcom,Sam Price,Director,sam@ofcom.example.org,regulator\n"
    )
    result = cli("register", "import", write(tmp_path, text), "--data", data_dir)
    assert result.code == 0, result.err
    delegates = register(data_dir)["ofcom"]["delegates"]
    [sam] = delegates.values()
    assert sam["email"] == "sam@ofcom.example.org" and sam["job_title"] == "Director"


def test_a_register_that_cannot_be_written_is_not_reported_as_changed(
    data_dir: Path, cli, tmp_path: Path
) -> None:
    """It said "Added 1 delegate(s)" before "cannot write" (found trying the CLI)."""
    (data_dir / "invitees.toml").chmod(0o444)
    result = cli("register", "import", write(tmp_path, HEADER + ROWS), "--data", data_dir)
    assert result.code == 1
    assert "it is read-only" in result.err and "Added" not in result.out


def test_two_people_of_one_name_in_a_file_are_two_people(data_dir: Path, cli, tmp_path) -> None:
    """Two James Smiths at Google with two addresses: the second replaced the first, whose
    row was lost (found trying bulk import)."""
    rows = (
        "Google,James Smith,Engineer,james.smith2@google.example.org,\n"
        "Google,James Smith,Lawyer,j.smith@google.example.org,\n"
    )
    result = cli("register", "import", write(tmp_path, HEADER + rows), "--data", data_dir)
    assert result.code == 0, result.err
    smiths = {
        d["email"]: d["job_title"]
        for d in register(data_dir)["google"]["delegates"].values()
        if d["name"] == "James Smith"
    }
    assert smiths == {
        "james.smith2@google.example.org": "Engineer",
        "j.smith@google.example.org": "Lawyer",
    }


def test_one_address_twice_in_a_file_differently_is_refused(data_dir: Path, cli, tmp_path) -> None:
    """ "Lars Okonkwo" and "LARS Okonkwo" with one address: each import 'updated' one
    into the other and said 'Saved' though nothing changed (found trying bulk import)."""
    before = (data_dir / "invitees.toml").read_bytes()
    rows = (
        "BT,Lars Okonkwo,Head of Policy,lars@bt.example.org,\n"
        "BT,LARS Okonkwo,Head of Policy,lars@bt.example.org,\n"
        "BT,Lars Okonkwo,Head of Policy,lars@bt.example.org,\n"
    )
    result = cli("register", "import", write(tmp_path, HEADER + rows), "--data", data_dir)
    assert result.code == 1
    said = " ".join((result.out + result.err).split())
    assert "line 2 gives this address too, differently: keep one row per person" in said
    assert said.count("gives this address too") == 1  # the same row again is no problem
    assert (data_dir / "invitees.toml").read_bytes() == before


def test_an_outlook_contacts_export_and_a_semicolon_csv_are_read(
    data_dir: Path, cli, tmp_path
) -> None:
    """Outlook's export (First Name, Last Name, E-mail Address, Business Phone) and
    Excel's "CSV" where the comma is the decimal mark (semicolons) were refused outright
    (found trying bulk import)."""
    outlook = write(
        tmp_path,
        "First Name,Last Name,Company,Job Title,E-mail Address,Business Phone\n"
        "Zoë,Ó Briain,Ofcom,Director,zoe.obriain@ofcom.example.org,020 7946 0000\n",
        "contacts.csv",
    )
    result = cli("register", "import", outlook, "--data", data_dir)
    assert result.code == 0, result.err
    [zoe] = [
        d
        for org in register(data_dir).values()
        for d in org.get("delegates", {}).values()
        if d["email"] == "zoe.obriain@ofcom.example.org"
    ]
    assert (zoe["name"], zoe["phone"]) == ("Zoë Ó Briain", "020 7946 0000")
    european = write(
        tmp_path,
        "Organisation;Name;Job title;Email\nBT;Ana Silva;Head of Policy;ana.silva@bt.example.org\n",
        "semicolons.csv",
    )
    result = cli("register", "import", european, "--data", data_dir)
    assert result.code == 0, result.err
    assert register(data_dir)["bt"]["delegates"]["ana-silva"]["job_title"] == "Head of Policy"
