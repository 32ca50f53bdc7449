"""Grouping rules, each with constructed positive (continues) and negative (new post) cases.

The sentences are invented in the style of live blogs; none is copied from the bundled blog.
"""

from __future__ import annotations

import pytest

from tui.core.grouping import classify, first_sentence, group, known_name

LEAD = "Finnish President Aino Virtanen has said her country is ready to host the next round of talks."
QUOTE = "“We are ready,” she said."


def cont(text: str, *, prev: str = LEAD, post: str | None = None, colon: bool = False, nxt: str | None = None) -> bool:
    return classify(text, prev=prev, post_text=post if post is not None else prev, post_has_colon=colon, next_text=nxt).continues


# --- quotes -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["“We will not give in,” he said.", '"No comment," the spokesman said.', "‘Enough’, she wrote.", "”Never,” Virtanen added."])
def test_quote_continues(text: str) -> None:
    assert cont(text)


def test_quote_attributed_to_a_fresh_full_name_leads() -> None:
    assert not cont("“We are leaving,” Estonian Foreign Minister Kalev Tamm has told reporters.")


# --- pronouns and anaphora ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["He added that the date is not fixed.", "She declined to comment further.", "They will meet again on Monday.", "It is unclear when the vote will take place.", "His office later confirmed the trip."])
def test_pronoun_subject_continues(text: str) -> None:
    assert cont(text)


@pytest.mark.parametrize("text", ["The outlet said the plan was leaked.", "The agency did not name its sources.", "The Finnish leader also met the pope.", "The team has all the documents it needs.", "The former diplomat said the talks are premature."])
def test_anaphoric_subject_continues(text: str) -> None:
    assert cont(text)


@pytest.mark.parametrize("text", ["The Norwegian delegation has arrived in Oslo, NRK has reported.", "The talks have started at the palace, a source has told AFP."])
def test_definite_but_fresh_subject_leads(text: str) -> None:
    assert not cont(text)


# --- names --------------------------------------------------------------------------------

def test_bare_surname_already_named_continues() -> None:
    assert cont("Virtanen reminded reporters that the offer stands.")
    assert cont("Virtanen, who spoke in Helsinki, called for calm.")
    assert cont("In March, Virtanen proposed a similar meeting.")  # after an opening adverbial


def test_bare_surname_not_in_the_post_leads() -> None:
    assert not cont("Lindqvist stated that Sweden will not attend.")


def test_full_name_subject_leads() -> None:
    assert not cont("Swedish Prime Minister Erik Lindqvist criticized the plan on Friday.")
    assert not cont("When asked about the agenda, Kremlin spokesman Oleg Petrov replied that all options are open.")


def test_when_asked_with_known_name_continues() -> None:
    assert cont("When asked whether she would attend, Virtanen said: “Maybe.”")


def test_known_name_needs_a_first_name_or_title_before_it() -> None:
    assert known_name("Virtanen", LEAD)
    assert not known_name("Western", "Kiev’s Western backers reacted.")
    assert not known_name("The", "Mr Smith.\nThe talks")


# --- attribution --------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "The summit will be held in June, she said.",
        "Helsinki is ready to host it, Virtanen added.",
        "The meeting could last two days, the source said.",
        "The delegation left early, RT’s source says.",
        "The plan was drafted in May, according to the agency.",
        "According to Virtanen, the offer stands.",
    ],
)
def test_anaphoric_attribution_continues(text: str) -> None:
    assert cont(text, post=LEAD + " A source told the agency.")


@pytest.mark.parametrize(
    "text",
    [
        "The summit could be postponed, Norwegian envoy Lars Berg has told journalists.",
        "The talks will go on for a second day, Ilmari Koski said.",
        "The delegation left the hotel, Reuters reported.",
        "The meeting has been moved to noon, according to Anadolu news agency.",
        "The teams are in the palace, according to an Interfax source.",
        "Multiple news outlets reported that the summit was cancelled.",
        "Two anonymous officials told CNN that no decision has been made.",
    ],
)
def test_fresh_attribution_leads(text: str) -> None:
    assert not cont(text)


def test_full_name_restated_in_attribution_leads_even_if_known() -> None:
    assert not cont("The war could have ended in weeks, Aino Virtanen said.", post=LEAD)


def test_place_after_preposition_is_not_the_speaker() -> None:
    # "…in Estonia, stressed" — the speaker is the known name in the apposition.
    assert cont("Helsinki expects progress, Virtanen, who was speaking in Estonia, stressed.")


# --- connectives and background -------------------------------------------------------------

@pytest.mark.parametrize("text", ["However, Virtanen noted that nothing is agreed.", "But the meeting marked a win for Helsinki.", "As a result, the borders were redrawn.", "Besides the delegates, ministers attended.", "Thus far, nothing has been signed."])
def test_connective_continues(text: str) -> None:
    assert cont(text)


def test_meanwhile_is_not_a_connective() -> None:
    assert not cont("Meanwhile, Danish Foreign Minister Mette Holm has said Denmark backs the plan.")


@pytest.mark.parametrize("text", ["Lindqvist said earlier that Sweden would wait.", "Sweden has previously stated that it wants a ceasefire.", "The newspaper Dagbladet reported earlier that security was tightened."])
def test_background_continues(text: str) -> None:
    assert cont(text)


def test_also_in_the_opening_words_continues() -> None:
    assert cont("Helsinki also wants the talks to include a ceasefire.")


# --- structure ---------------------------------------------------------------------------

def test_bullets_and_list_headings_continue() -> None:
    assert cont("• Aino Virtanen – President", prev="The delegation will include:")
    assert cont("- Erik Lindqvist", prev="• Aino Virtanen – President")
    assert cont("2. Second item", prev="1. First item")
    assert cont("Supporting Experts", prev="• Aino Virtanen", nxt="The delegation will also include:")
    assert cont("Delegation Members", nxt="• Aino Virtanen")


def test_short_line_not_before_a_list_is_not_a_heading() -> None:
    assert not cont("Helsinki Summit", prev=QUOTE, nxt="Norway has said it will attend, NRK has reported.")


def test_colon_line_introduces_the_next_paragraph_and_label_items() -> None:
    intro = "Nordic media react to the talks:"
    assert cont("Helsingin Sanomat: “A cautious first step.”", prev=intro)
    assert cont("Aftenposten: “Too early to tell.”", prev="Helsingin Sanomat: “A cautious first step.”", colon=True)
    assert not cont("Aftenposten: “Too early to tell.”", prev=QUOTE, colon=False)


def test_trailer_continues() -> None:
    assert cont("Read the full article here.")
    assert cont("Watch the video below.")


def test_wrapped_line_continues() -> None:
    assert cont("the talks in the capital on Friday.", prev="Finnish President Aino Virtanen has said she will attend")


# --- no signal ------------------------------------------------------------------------------

def test_no_signal_after_narrative_is_background() -> None:
    assert cont("Prisoner exchanges are usually conducted on an equal basis.")


def test_no_signal_after_a_quote_starts_a_new_post() -> None:
    assert not cont("Moscow’s team comprises four senior officials.", prev=QUOTE)


# --- helpers and whole sequences -------------------------------------------------------------

def test_first_sentence_skips_abbreviations() -> None:
    assert first_sentence("Mr. Smith met U.S. envoys. Then he left.") == "Mr. Smith met U.S. envoys."


def test_group_sequence() -> None:
    paragraphs = [
        "Norwegian Foreign Minister Lars Berg has said Oslo will send a delegation.",  # 0 lead
        "“We are ready,” Berg said.",  # quote
        "He added that the team will arrive on Friday.",  # pronoun
        "The talks have been postponed until Saturday, a source has told Reuters.",  # 3 lead
        "The source said the delay was technical.",  # anaphora
        "President Ilmari Koski has signed a decree naming the negotiators.",  # 5 lead
        "Delegation Members",
        "The delegation will be led by:",
        "• Aino Virtanen",
        "• Erik Lindqvist",
        "The composition mirrors the 2022 team.",
    ]
    assert group(paragraphs) == [0, 3, 5]
    assert group(paragraphs[:1]) == [0]
    assert group([]) == []


# --- names: demonyms, acronyms and "The X" are not surnames ------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Turkish intelligence chief Ibrahim Kalin has met the two delegations.",
        "US special envoy Steve Witkoff has announced he will fly to Helsinki.",
        "Finnish Deputy Foreign Minister Aino Koski has arrived in Oslo.",
    ],
)
def test_title_and_full_name_subject_leads_even_if_the_demonym_is_in_the_post(text: str) -> None:
    post = LEAD + " The Turkish side and the US delegation are in the city."
    assert not cont(text, post=post)


def test_demonyms_acronyms_and_the_x_are_not_known_names() -> None:
    post = "The Turkish side met the US team. Later The Guardian said so."
    assert not known_name("Turkish", post)
    assert not known_name("US", post)
    assert not known_name("Guardian", post)
    assert known_name("Pushkov", "Russian Senator Aleksey Pushkov has said so.")


def test_surname_of_full_name_continues_but_single_capitalised_word_does_not() -> None:
    post = "Estonian Senator Kalev Tamm has concurred with the analysts."
    assert cont("Tamm reminded reporters that sanctions hurt Europe.", prev=QUOTE, post=post)
    assert not cont("Estonia has said it will attend the talks.", prev=QUOTE, post=post + " Estonia agrees.")


def test_non_ascii_capitals_are_names() -> None:
    assert not cont("İbrahim Kalın, the intelligence chief, has met the delegations.")
    assert not cont("EU trade chief Maroš Šefčovič has said talks will resume.")
    post = "Danish Minister Søren Ørsted has said Denmark will attend."
    assert cont("Ørsted added that the date is open.", post=post, prev=QUOTE)
    assert first_sentence("He left. İbrahim Kalın arrived.") == "He left."


@pytest.mark.parametrize(
    "text",
    [
        "The talks have resumed in the palace, The Guardian has reported.",
        "The delegation left the hotel, Reuters has reported.",
    ],
)
def test_outlet_attribution_at_the_end_of_the_first_sentence_leads(text: str) -> None:
    post = LEAD + " The Guardian: “A cautious step.” Reuters said so."
    assert not cont(text, post=post)


def test_outlet_back_reference_continues() -> None:
    assert cont("The talks have resumed, the outlet has reported.", post=LEAD + " The Guardian said so.")


def test_speaker_before_a_who_clause() -> None:
    # the speaker is found behind "who …," even after a quote (which would otherwise close the post)
    post = LEAD + "\n" + QUOTE
    assert cont("Helsinki expects progress, Virtanen, who was speaking in Estonia, stressed.", prev=QUOTE, post=post)
    assert not cont("Helsinki expects progress, Lindqvist, who was speaking in Estonia, stressed.", prev=QUOTE, post=post)


# --- background naming someone new, then fresh news ----------------------------------------------

def test_background_about_someone_new_followed_by_fresh_news_leads() -> None:
    text = "Lindqvist said earlier that he would decide after meeting Koski. According to NRK, the meeting is under way in Oslo."
    assert not cont(text)
    # the same opener about someone the post is about is background
    assert cont(text, post=LEAD + " Erik Lindqvist will travel.")
    # and with no fresh news after it, background as before
    assert cont("Lindqvist said earlier that Sweden would wait.")


# --- unnamed reports the lead referred to ---------------------------------------------------------

def test_unnamed_reports_the_lead_denied_continue() -> None:
    lead = "Finnish President Aino Virtanen denied reports that Helsinki opposed the summit."
    assert cont("Several Nordic outlets reported that Oslo did not want the summit.", prev=QUOTE, post=lead + "\n" + QUOTE)
    # without the lead referring to reports, unnamed outlets open a new item
    assert not cont("Several Nordic outlets reported that Oslo did not want the summit.", prev=QUOTE, post=LEAD + "\n" + QUOTE)


# --- a one-sentence flash is complete ----------------------------------------------------------

FLASH = "The talks between the Finnish and Swedish delegations have concluded in Oslo, a source has told NRK."


def test_new_people_after_a_one_sentence_flash_start_a_new_post() -> None:
    text = "The Swedish delegation at the meeting includes Foreign Minister Erik Lindqvist and envoy Lars Berg."
    assert not cont(text, prev=FLASH, post=FLASH)


def test_background_after_a_flash_continues() -> None:
    # no new people: background to the flash
    assert cont("On Wednesday, the EU agreed on new restrictions.", prev=FLASH, post=FLASH)
    # a longer lead is not a flash: the same line-up paragraph is background
    lead = FLASH + " The meeting lasted two hours."
    text = "The Swedish delegation at the meeting includes Foreign Minister Erik Lindqvist and envoy Lars Berg."
    assert cont(text, prev=lead, post=lead)


# --- institutions, named sources, 'both', particles -----------------------------------------

FLASH = "Talks on the fishing quota will open on Monday in Tallinn, the Estonian foreign ministry said."


@pytest.mark.parametrize("text", [
    "Delegations from Latvia and Lithuania are back at the table, the Norwegian foreign ministry said.",
    "The summit has been moved to noon, Norway’s presidency said.",
    "Fog has delayed the flights, Norwegian organisers said.",
])
def test_a_fresh_institution_as_source_leads(text: str) -> None:
    assert not cont(text)


@pytest.mark.parametrize("text", [
    "The delegations will meet again at nine, the Estonian foreign ministry said.",  # the one the post named
    "The venue has not changed, his office said.",
    "Protest organisers said buses had come from the north.",  # a sentence-opening word owns nothing
    "The agenda has not changed, the ministry said.",
])
def test_an_institution_the_post_knows_continues(text: str) -> None:
    assert cont(text, prev=FLASH)


def test_according_to_a_named_source_leads_and_to_the_outlet_continues() -> None:
    assert not cont("The tariff war has cost exporters $4bn, according to the Kessler Institute.")
    assert cont("Her advice would be to wait, according to the British newspaper.")
    assert cont("The two leaders agreed to meet again, according to a readout of the call.")
    assert not cont("The two leaders agreed to meet again, according to a senior official.")


@pytest.mark.parametrize("text", [
    "Both delegations have arrived at the conference centre, AFP reported.",
    "Neither side has commented on the draft, Reuters reported.",
])
def test_both_or_neither_with_a_fresh_source_leads(text: str) -> None:
    assert not cont(text)


def test_both_or_neither_without_a_source_continues() -> None:
    assert cont("Both men declined to answer questions.")
    assert cont("Neither side would say when the talks resume.")


def test_a_full_name_with_a_particle_as_subject_leads() -> None:
    assert not cont("Piet van Assche, the bloc’s chief negotiator, told Bloomberg the offer was final.")


def test_a_new_source_that_also_reports_leads() -> None:
    assert not cont("Bloomberg also reported the arrival of the team.")
    assert not cont("Reuters, citing a senior official, also reported that the leaders met.")
    assert cont("Virtanen also said the venue could change.")


def test_sources_with_a_qualifier_are_fresh_sources() -> None:
    assert not cont("The delegation walked out at 3pm, two sources familiar with the talks told Reuters.")
    assert not cont("A working group will meet this afternoon, a source close to the talks told AFP.")


# --- headline-style blogs -------------------------------------------------------------------

def test_in_a_headline_style_blog_a_headline_opens_a_post_and_its_body_runs_to_the_next() -> None:
    paras = [
        "Talks resume in Geneva",
        "The delegations are back at the table, the UN said.",
        "Estonian Foreign Minister Kalev Tamm has arrived, his office said.",  # a lead elsewhere; here body
        "Envoy meets both teams",
        "Virtanen met the two delegations separately.",
    ]
    assert group(paras, headlines=True) == [0, 3]
    assert group(paras) != [0, 3]


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("— Lena Ortiz", "Lena Ortiz"),
        ("— Lena Ortiz and Sam Reyes, reporting from Port Elm", "Lena Ortiz and Sam Reyes, reporting from Port Elm"),
        ("– Lena Ortiz, Geneva", "Lena Ortiz, Geneva"),
        ("— and then the talks collapsed.", ""),
        ("— The ministry said", ""),
        ("— BREAKING NEWS", ""),
        ("Lena Ortiz", ""),
    ],
)
def test_trailing_byline(line: str, byline: str) -> None:
    from tui.core.grouping import trailing_byline

    assert trailing_byline(line) == byline
