"""Hypothesis: any text an agent pastes into a text field renders without crashing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.catalog.catalog import load_catalog
from app.errors import FieldValueError

CATALOG = load_catalog()
TEXT_FIELDS = [n for n, spec in CATALOG.fields.items() if spec.type == "text"]
CASES = list(CATALOG.cases)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=st.sampled_from(CASES),
       texts=st.fixed_dictionaries({name: st.text(max_size=120) for name in TEXT_FIELDS}))
def test_arbitrary_text_never_crashes_rendering(composer, today, case, texts):
    try:
        values = composer.catalog.parse_all(texts)
    except FieldValueError:
        return
    result = composer.compose(case, values, today)
    assert result.reply and result.gloss
    # Template syntax shows only where a typed value holds it (an agent name "{{" is text):
    # with every value taken out, none is left.
    rest = result.reply
    for name, text in sorted(values.items(), key=lambda item: -len(str(item[1]))):
        if name in result.case.fields:
            rest = rest.replace(str(text), "")
    assert "{{" not in rest
