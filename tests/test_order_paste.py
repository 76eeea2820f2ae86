"""Pasting an order (labelled lines or a spreadsheet row) fills the order fields."""

from __future__ import annotations

import pytest

from app.catalog.catalog import load_catalog
from app.cli.main import main
from app.errors import SourceError
from app.message.order_paste import load_order_labels

ERP = """Order No.: 8123456789012345
Buyer: Maria Souza
Ship to country: Brazil
Shipping method: ePacket
Ship date: 2026/10/20 14:33:05
Tracking No.: lp00123456789012
Order amount: US $25.80
"""


@pytest.fixture(scope="module")
def labels():
    return load_order_labels(fields=load_catalog().fields)


def test_labelled_lines_fill_their_fields(labels):
    assert labels.read(ERP) == {
        "order_id": "8123456789012345", "buyer_name": "Maria Souza",
        "destination_country": "Brazil", "shipping_method": "ePacket",
        "ship_date": "2026-10-20", "tracking_number": "LP00123456789012",
        "order_amount": "25.80", "currency": "USD"}


def test_chinese_labels_full_width_colons_and_dates(labels):
    text = "订单号：8123456789012345\n收件人： 王芳\n发货时间：2026年10月5日\n订单金额：€12,50"
    assert labels.read(text) == {"order_id": "8123456789012345", "buyer_name": "王芳",
                                 "ship_date": "2026-10-05", "order_amount": "12,50",
                                 "currency": "EUR"}


def test_a_copied_spreadsheet_row_under_its_header(labels):
    text = "Order ID\tTracking number\tCountry\tQty\n8123456789012345\tRB123456789CN\tBR\t2\n"
    assert labels.read(text) == {"order_id": "8123456789012345",
                                 "tracking_number": "RB123456789CN",
                                 "destination_country": "BR", "quantity": "2"}


def test_a_sentence_that_starts_like_a_label_fills_nothing_and_stays_the_buyers(labels):
    text = "Order: I still don't have it!\nTracking: it says nothing\nShip date: last month"
    assert labels.split(text) == ({}, text)


def test_the_buyers_words_are_read_without_the_order_lines(labels):
    from app.message.classifier import load_lexicon, read_paste

    lexicon = load_lexicon(case_ids=load_catalog().cases)
    reading = read_paste(ERP + "\nO pacote chegou vazio!", lexicon, labels)
    assert reading.guesses[0].case_id == "empty-parcel"  # not "shipping method" from a label
    assert reading.language == "pt"
    assert reading.values["buyer_name"] == "Maria Souza"


def test_the_first_value_of_a_field_wins(labels):
    assert labels.read("Order No: 111111111\nOrder ID: 222222222")["order_id"] == "111111111"


@pytest.mark.parametrize(("text", "message", "line"), [
    ("labels:\n  order_id: [order no]\n  order_idd: [order]\n", "no field 'order_idd'", 3),
    ("labels:\n  order_id: [order no]\n  item: [Order No.]\n", "already 'order_id'", 3),
    ("labels:\n  order_id: order no\n", "expected a list", 2),
    ("labels: [order no]\n", "expected 'labels:'", 1),
])
def test_a_broken_labels_file_names_its_line(tmp_path, text, message, line):
    path = tmp_path / "order_labels.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        load_order_labels(path, load_catalog().fields)
    assert message in caught.value.message and caught.value.line == line


def test_cli_suggest_prints_the_order_fields_and_a_runnable_command(capsys, monkeypatch):
    import io
    import shlex

    monkeypatch.setattr("sys.stdin", io.StringIO(ERP + "\nStill not received, where is it?"))
    assert main(["suggest"]) == 0
    out = capsys.readouterr().out
    assert "buyer_name=Maria Souza" in out
    command = shlex.split(out.split("Next: ", 1)[1].splitlines()[0])
    assert command[:3] == ["reply-composer", "compose", "not-received-in-transit"]
    assert "buyer_name=Maria Souza" in command and "ship_date=2026-10-20" in command
    assert main(command[1:]) == 0  # the command it prints works
