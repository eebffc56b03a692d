"""Does every dataset and text agree with the Larder fact sheet at the top of datasets/README.md?

The fact sheet pins where Larder operates (the Netherlands, so EU and Dutch law), its currency
(EUR), its scale (about 120,000 active subscribers) and its four-week churn (about 12 %, 10-14 % in
any random sample of all subscribers). These tests read the committed data and the authored texts.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from notebook_tools import ROOT, read_notebook, source

CITIES = {"Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"}
SUBSCRIBERS = 120_000
CHURN_RANGE = (0.10, 0.14)
FOREIGN = re.compile(r"£|\bGBP\b|\bUSD\b|\bLondon\b|\bManchester\b|\bBristol\b|\bGlasgow\b|\bUK GDPR\b")
CSVS = sorted((ROOT / "datasets").glob("*.csv"))


def _card(name: str) -> str:
    """The data card of one dataset: its section of datasets/README.md."""
    text = (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(name)}\n(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    return match.group(1) if match else ""


def _subgroup(name: str) -> bool:
    """Does the dataset's card say it samples a subgroup of subscribers (e.g. survey respondents)?"""
    return bool(re.search(r"subgroup sample", _card(name), flags=re.I))


def _texts():
    """(where, text) for every lesson, solution and data card."""
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "solutions").glob("*/*.ipynb")):
        for cell in read_notebook(path)["cells"]:
            yield path.relative_to(ROOT).as_posix(), source(cell)
    yield "datasets/README.md", (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")


def test_the_fact_sheet_is_first_in_the_data_cards():
    """Does datasets/README.md open with the fact sheet that pins place, law, currency, scale and churn?"""
    sheet = _card("Larder fact sheet")
    for fact in ("Netherlands", "GDPR", "AI Act", "EUR", "120,000", "12 %"):
        assert fact in sheet, fact


@pytest.mark.parametrize("path", CSVS, ids=lambda p: p.stem)
def test_cities_are_larders(path):
    """Does every dataset with a city name only the Dutch cities Larder serves?"""
    frame = pd.read_csv(path)
    for column in ("city",):
        if column in frame:
            assert set(frame[column].dropna()) <= CITIES, f"{path.name}: {set(frame[column]) - CITIES}"


@pytest.mark.parametrize("path", CSVS, ids=lambda p: p.stem)
def test_money_is_in_euros(path):
    """Are money columns in euros (no pound or dollar columns)?"""
    frame = pd.read_csv(path, nrows=1)
    assert not [c for c in frame.columns if re.search(r"_(gbp|usd|pounds?|dollars?)\b", c)], path.name


@pytest.mark.parametrize("path", CSVS, ids=lambda p: p.stem)
def test_churn_of_a_random_sample_follows_the_sheet(path):
    """Does a random sample of subscribers churn at 10-14 % in four weeks, unless its card names the subgroup?"""
    frame = pd.read_csv(path)
    label = next((c for c in frame.columns if c.startswith("churned")), None)
    if label is None:
        return
    rate = frame[label].mean()
    if _subgroup(path.stem):
        return  # the card says which subscribers the sample holds, and why its churn may differ
    assert CHURN_RANGE[0] <= rate <= CHURN_RANGE[1], (
        f"{path.name}: four-week churn {rate:.3f}; the fact sheet says 10-14 % for a random sample "
        "(or the data card says it is a subgroup sample, and which)")


@pytest.mark.parametrize("path", CSVS, ids=lambda p: p.stem)
def test_ages_are_known_only_for_survey_respondents(path):
    """Is age known for about a third of subscribers (the survey), never for everyone, in every table of
    subscribers or of their orders, unless the sample is the survey's respondents and its card says so?"""
    frame = pd.read_csv(path)
    if _subgroup(path.stem):
        return
    for column in [c for c in frame.columns if c.startswith("age")]:
        if {"customer_id", "subscriber_id", "order_id"} & set(frame.columns):
            known = frame[column].notna().mean()
            assert known < 0.6, f"{path.name}: `{column}` is known for {known:.0%} of its rows"


def test_the_rule_on_ages_covers_order_tables():
    """Would the rule above catch an order table that gives every order an age band?"""
    orders = pd.read_csv(ROOT / "datasets" / "delivery_orders.csv")
    assert "order_id" in orders and not _subgroup("delivery_orders")
    assert 0.25 < orders["age_band"].notna().mean() < 0.4


def test_texts_name_no_other_country_or_currency():
    """Do lessons, solutions and data cards keep to the Netherlands and the euro?"""
    found = [(where, match.group(0)) for where, text in _texts() for match in FOREIGN.finditer(text)]
    assert not found, found[:10]


def test_texts_give_one_scale():
    """Does every count of Larder's subscribers at company scale say about 120,000?"""
    pattern = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{5,})\s+(?:active\s+)?subscribers")
    wrong = []
    for where, text in _texts():
        for match in pattern.finditer(text):
            count = int(match.group(1).replace(",", ""))
            if count >= 20_000 and count != SUBSCRIBERS:
                wrong.append((where, match.group(0)))
    assert not wrong, wrong[:10]
