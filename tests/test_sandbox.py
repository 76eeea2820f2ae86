"""Template code runs in Jinja2's sandbox: known escape payloads do no harm."""

import pytest

from app.compose.composer import Composer
from app.errors import SourceError
from tests.test_errors import write_template

PAYLOADS = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ buyer_name|attr('__class__') }}",
    "{{ buyer_name|attr('format')('{0.__class__}') }}",
    "{{ buyer_name.format('{0.__class__.__init__.__globals__}') }}",
    "{{ self.__init__.__globals__ }}",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_refused_or_harmless(tmp_path, today, payload):
    write_template(tmp_path, "order-unpaid", payload)
    composer = Composer.load(user_dir=tmp_path)
    values = composer.catalog.parse_all({"buyer_name": "Maria", "item": "bag"})
    try:
        result = composer.compose("order-unpaid", values, today)
    except SourceError as exc:
        assert "order-unpaid.j2" in str(exc)
        return
    for leaked in ("<class", "__builtins__", "function", "subclasses", "os."):
        assert leaked not in result.reply


def test_field_values_are_data_not_code(compose):
    result = compose("order-received-thanks", buyer_name="{{ 7*7 }} {% if 1 %}x{% endif %}")
    assert "{{ 7*7 }}" in result.reply and "49" not in result.reply
