"""Module 09 data: the churn team's board export, Larder's data catalogue, a backlog to refine and pull requests.

The board is simulated ticket by ticket (arrivals, time in each column, some rework), so its flow
metrics behave like a real team's: a long tail of cycle times, a queue before review. The other
three draw their rows from templates that fit Larder, jittered and shuffled by the seed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

BOARD_COLUMNS = ("To do", "In progress", "Review", "Validation", "Done")
EXPORT_AT = pd.Timestamp("2026-09-21 08:00")  # Monday morning; the window's 16 weeks end the day before
WINDOW_START = pd.Timestamp("2026-06-01")

# ticket type -> (share, median working days in progress, in review, in validation, typical summaries)
TICKET_TYPES = {
    "story": (0.55, 1.8, 3.5, 1.0, ("Cancel-page offer: {}", "Retention list: {}", "Churn score API: {}")),
    "bug": (0.20, 0.8, 2.5, 0.5, ("Fix: {}",)),
    "spike": (0.15, 4.0, 2.0, 0.3, ("Spike: {}",)),
    "chore": (0.10, 0.8, 2.0, 0.3, ("Chore: {}",)),
}
TOPICS = ("weekly flag export", "voucher exclusion rule", "segment thresholds", "reason codes for agents",
          "feature drift alert", "model card update", "substitution features", "offer copy A/B", "score latency",
          "label backfill", "holdout refresh", "retraining job", "scheduler migration", "consent filter",
          "delivery-rating feature", "family segment recall")


def _working_time(start: pd.Timestamp, working_days: float) -> pd.Timestamp:
    """``start`` plus ``working_days`` of working time (09:00-17:00, Monday to Friday)."""
    hours = working_days * 8.0
    t = start
    while True:
        if t.weekday() >= 5 or t.hour >= 17:
            t = (t + pd.Timedelta(days=1)).normalize() + pd.Timedelta(hours=9)
            continue
        if t.hour < 9:
            t = t.normalize() + pd.Timedelta(hours=9)
        if hours <= 1e-9:
            break
        left_today = (t.normalize() + pd.Timedelta(hours=17) - t).total_seconds() / 3600
        step = min(hours, left_today)
        t += pd.Timedelta(hours=step)
        hours -= step
    return t.floor("min")


def board_events(seed: int = 91, n_tickets: int = 150) -> pd.DataFrame:
    """The churn team's board export: one row per status change of each ticket (module 09).

    Parameters
    ----------
    seed : int
        Seed of the random draws.
    n_tickets : int
        Tickets created between early May and the export (about 6 start a week).

    Returns
    -------
    pandas.DataFrame
        ``ticket_id``, ``ticket_type``, ``summary``, ``status`` (the column entered) and
        ``entered_at`` (``YYYY-MM-DD HH:MM``), sorted by time.
    """
    rng = np.random.default_rng(seed)
    types = list(TICKET_TYPES)
    shares = np.array([TICKET_TYPES[t][0] for t in types])
    first_start = pd.Timestamp("2026-05-04 09:00")
    span_days = (EXPORT_AT - first_start).days
    rows = []
    starts = np.sort(rng.uniform(0, span_days, n_tickets))
    for i, offset in enumerate(starts, start=1):
        kind = types[rng.choice(len(types), p=shares)]
        _, progress, review, validation, templates = TICKET_TYPES[kind]
        summary = str(rng.choice(templates)).format(TOPICS[rng.integers(len(TOPICS))])
        ticket = f"CHURN-{100 + i}"
        started = _working_time(first_start + pd.Timedelta(days=float(offset)), 0.0)
        created = _working_time(started - pd.Timedelta(days=float(rng.uniform(2, 20))), 0.0)
        trail = [("To do", created), ("In progress", started)]
        t = started
        rounds = 2 if rng.random() < 0.15 else 1  # rework: back from review once
        for round_ in range(rounds):
            t = _working_time(t, progress * rng.lognormal(0, 0.6) * (0.5 if round_ else 1.0))
            trail.append(("Review", t))
            # the queue: one senior reviewer, so review waits grow with the load
            t = _working_time(t, review * rng.lognormal(0, 0.7))
            trail.append(("In progress" if round_ + 1 < rounds else "Validation", t))
        t = _working_time(t, validation * rng.lognormal(0, 0.5))
        trail.append(("Done", t))
        for k in range(1, len(trail)):  # strictly later than the step before: every order is unambiguous
            if trail[k][1] <= trail[k - 1][1]:
                trail[k] = (trail[k][0], trail[k - 1][1] + pd.Timedelta(minutes=1))
        for status, at in trail:
            if at < EXPORT_AT:
                rows.append((ticket, kind, summary, status, at.strftime("%Y-%m-%d %H:%M")))
    frame = pd.DataFrame(rows, columns=["ticket_id", "ticket_type", "summary", "status", "entered_at"])
    return frame.sort_values(["entered_at", "ticket_id"], kind="stable").reset_index(drop=True)


# table -> (system, what one row is, owner team, who grants access, refresh, history from, retention months
#           (0 = kept while the subscription lasts and 7 years after), access level, columns, direct identifiers)
CATALOGUE = {
    "subscriptions": ("warehouse", "one row per subscriber, current plan and status", "Data platform",
                      "Data platform lead", "daily", "2022-03-07", 0, "restricted",
                      "subscriber_id;full_name;email;street_address;city;segment;plan;signup_date;cancel_date",
                      "full_name;email;street_address"),
    "orders": ("warehouse", "one row per delivered box", "Data platform", "Data platform lead", "daily",
               "2022-03-07", 84, "internal",
               "order_id;subscriber_id;delivery_week;basket_value_eur;n_items;discount_code", ""),
    "cancellations": ("warehouse", "one row per cancellation, with the reason chosen", "Data platform",
                      "Data platform lead", "daily", "2024-01-08", 84, "restricted",
                      "subscriber_id;cancel_date;reason_code;free_text_reason", "free_text_reason"),
    "substitutions": ("warehouse", "one row per item swapped for a substitute", "Supply analytics",
                      "Head of supply", "daily", "2025-02-03", 36, "internal",
                      "order_id;product_id;substitute_id;warehouse", ""),
    "app_sessions": ("event stream", "one row per app or web page view", "Platform engineering",
                     "Head of engineering", "hourly", "2023-05-01", 13, "restricted",
                     "subscriber_id;session_id;page;device;viewed_at;ip_address", "ip_address"),
    "support_tickets": ("support CRM", "one row per contact with support", "Customer support",
                        "Customer support lead", "hourly", "2022-09-05", 24, "confidential",
                        "ticket_id;subscriber_id;email;category;opened_at;message_text", "email;message_text"),
    "campaign_sends": ("marketing CRM", "one row per e-mail sent", "CRM", "Head of CRM", "daily", "2023-01-02",
                       24, "internal", "subscriber_id;email;campaign_id;sent_at;opened;clicked", "email"),
    "payments": ("finance system", "one row per payment attempt", "Finance", "Finance controller", "daily",
                 "2022-03-07", 84, "confidential", "subscriber_id;iban_last4;amount_eur;paid_at;failed",
                 "iban_last4"),
    "survey_profiles": ("warehouse", "one row per optional profile survey answer (about a third of subscribers)",
                        "Customer insight", "Data protection officer", "monthly", "2023-03-06", 0,
                        "restricted", "subscriber_id;age_band;household_size;diet;answered_at", ""),
    "churn_scores": ("warehouse", "one row per subscriber per scored Monday", "ML team", "ML team lead", "weekly",
                     "2026-07-06", 24, "internal", "subscriber_id;score_week;score;flagged;model_version", ""),
    "prices": ("warehouse", "one row per product price change", "Commercial", "Data platform lead", "daily",
               "2022-03-07", 0, "open", "product_id;price_eur;valid_from", ""),
    "deliveries": ("operations database", "one row per delivery slot kept or missed", "Operations",
                   "Head of operations", "hourly", "2023-09-04", 36, "internal",
                   "order_id;slot_start;delivered_at;late_minutes;driver_id;rating", "driver_id"),
}


def data_catalogue(seed: int = 92) -> pd.DataFrame:
    """Larder's data catalogue: where each table lives, who owns it, how long it keeps data (module 09).

    Parameters
    ----------
    seed : int
        Seed of the row order, the row counts, the last refresh and small shifts of history starts
        (other seeds move a history start by up to 3 weeks).

    Returns
    -------
    pandas.DataFrame
        One row per table; see the data card.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for table, (system, grain, owner, approver, refresh, start, retention, level, columns, pii) in CATALOGUE.items():
        shift = 0 if seed == 92 else int(rng.integers(-3, 4))
        history_from = pd.Timestamp(start) + pd.Timedelta(weeks=shift)
        lag = {"hourly": 1, "daily": 20, "weekly": 5 * 24, "monthly": 20 * 24}[refresh] * float(rng.uniform(0.3, 1))
        rows.append({
            "table": table, "system": system, "grain": grain, "owner_team": owner, "access_approver": approver,
            "refresh": refresh, "last_refreshed": (EXPORT_AT - pd.Timedelta(hours=lag)).strftime("%Y-%m-%d %H:%M"),
            "history_from": history_from.strftime("%Y-%m-%d"), "retention_months": retention,
            "access_level": level, "row_count": int(rng.integers(5, 60) * 10 ** rng.integers(4, 7)),
            "columns": columns, "direct_identifiers": pii,
        })
    order = rng.permutation(len(rows))
    return pd.DataFrame([rows[i] for i in order]).reset_index(drop=True)


# ticket -> (title, story text, acceptance criteria ("" when none), estimate points (None = not estimated),
#            depends on (another team's open work, "" when none), open question ("" when none))
REFINEMENT = {
    "R1": ("Agents see the top reason next to each churn flag",
           "As a retention agent, I want the top reason for each flag on my call list, so that I can open the "
           "call with the subscriber's real problem.",
           "Given a flagged subscriber, the list shows one of the five reason codes; reasons match the model's "
           "largest contribution for 100 % of a 50-row sample checked by the ML team.", 3, "", ""),
    "R2": ("Personalised retention offers everywhere",
           "As Larder, we want every at-risk subscriber to get a personalised offer in the app, on the web, by "
           "phone and by e-mail, so that churn falls.",
           "Churn falls; offers feel personal.", 40, "", ""),
    "R3": ("Predict churn from basket photos",
           "As the ML team, we want to know whether the photos subscribers upload of damaged items predict "
           "churn, so that we can decide whether to use them.",
           "", None, "", "Nobody knows yet whether the photos are stored, or whether consent covers this use."),
    "R4": ("Cap voucher e-mails at one per four weeks",
           "As a subscriber, I want at most one retention voucher e-mail every four weeks, so that Larder does "
           "not spam me.",
           "No subscriber receives a second retention voucher within 28 days, checked on the send log; the cap "
           "applies across app and e-mail.", 2, "", ""),
    "R5": ("Score on the cancel page in real time",
           "As the cancel-page team, we want a churn score within 300 ms when a subscriber opens the cancel "
           "page, so that we can show an offer.",
           "p95 latency at most 300 ms on staging under 50 requests a second; the score matches the batch "
           "score for the same inputs.", 8, "Platform engineering: the event stream for page views (not "
                                              "started)", ""),
    "R6": ("Family segment threshold",
           "As the head of retention, I want a separate flag threshold for families, so that we reach more "
           "family churners.",
           "Recall for families at least 0.45 on the last four weeks' holdout, not used in training; overall "
           "precision does not fall by more than 0.02.", 5, "", ""),
    "R7": ("Better churn model",
           "Improve the churn model.",
           "The model is better.", 13, "", ""),
    "R8": ("Uplift model for the voucher",
           "As finance, we want to send vouchers only to subscribers the voucher changes, so that we stop "
           "paying people who would have stayed anyway.",
           "", None, "", "Whether the offer experiment's 4,000 subscribers are enough to estimate uplift."),
    "R9": ("Drift alert on basket value",
           "As the ML team, we want an alert when the PSI of basket value passes 0.25, so that we back-test the model "
           "before recall drops.",
           "An alert reaches #churn-ml within an hour of a daily PSI above 0.25, tested with a replayed "
           "September snapshot.", 2, "", ""),
    "R10": ("Retention dashboard for every team",
            "As every team lead, I want a dashboard with all churn, order, delivery and support metrics, by "
            "city, segment and week, so that everyone is aligned.",
            "Dashboard shows all metrics.", 21, "", ""),
}
REFINEMENT_DECISIONS = ("ready", "spike", "split")


def refinement_backlog(seed: int = 93) -> pd.DataFrame:
    """The churn team's backlog before refinement: story text, criteria, estimates, dependencies (module 09).

    Parameters
    ----------
    seed : int
        Seed of the row order and of small changes to the estimates (other seeds move a ready
        ticket's estimate by a point, never across a decision).

    Returns
    -------
    pandas.DataFrame
        One row per ticket; see the data card.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for ticket, (title, story, criteria, points, depends, question) in REFINEMENT.items():
        if points is not None and seed != 93 and points <= 5:
            points = max(1, points + int(rng.integers(-1, 2)))
        rows.append({"ticket_id": ticket, "title": title, "story": story, "acceptance_criteria": criteria,
                     "estimate_points": points, "depends_on": depends, "open_question": question})
    order = rng.permutation(len(rows))
    return pd.DataFrame([rows[i] for i in order]).reset_index(drop=True)


# pull request -> (title, files changed, description in markdown)
PULL_REQUESTS = {
    "PR-412": ("Raise the flag threshold from 0.30 to 0.35", "config/scoring.yaml",
               "## Why\nRetention agents cannot call everyone flagged; fewer, surer flags.\n\n"
               "## What changed\nThe flag threshold in the scoring config.\n\n"
               "## How it was tested\nConfig loads in staging; unit tests pass.\n\n"
               "## Risk and rollback\nRevert the config.\n"),
    "PR-415": ("Reason codes in the weekly flag export", "export/flags.py;tests/test_flags.py",
               "## Why\nAgents asked why each subscriber was flagged (ticket CHURN-231).\n\n"
               "## What changed\nThe export adds a `top_reason` column from the model's largest contribution.\n\n"
               "## How it was tested\nUnit tests; 50 rows checked by hand against the model's contributions.\n\n"
               "## Risk and rollback\nThe column is new; the agents' tool ignores unknown columns. Revert the "
               "commit to roll back.\n\n## Feature flag\n`flags.top_reason`, on for the Rotterdam team first.\n"),
    "PR-418": ("Retrain with substitution features", "model/features.py;model/train.py",
               "## Why\nSubstitutions drive churn; the model does not see them yet.\n\n"
               "## What changed\nTwo substitution features added to training.\n\n"
               "## How it was tested\nThe training job runs end to end.\n"),
    "PR-421": ("Tidy the feature module", "model/features.py",
               "## Why\nLong functions, hard to review.\n\n## What changed\nSplit into smaller functions; no "
               "behaviour change.\n\n## How it was tested\nThe feature values on last week's 120,000 subscribers "
               "are identical before and after (checked in CI).\n\n## Risk and rollback\nNone expected; "
               "revert.\n"),
    "PR-424": ("Offer copy on the cancel page", "app/cancel_page/offer.tsx;app/i18n/nl.json",
               "## Why\nThe cancel page shows the voucher offer to flagged subscribers.\n\n"
               "## What changed\nNew offer banner, Dutch and English copy.\n\n"
               "## How it was tested\nScreenshots on iOS, Android and web; copy checked with the brand team.\n\n"
               "## Risk and rollback\nBehind a flag; switch it off.\n\n## Feature flag\n`cancel_offer.banner`\n"),
    "PR-427": ("New model version churn-2026-09-14", "model/registry.yaml",
               "## Why\nMonthly retrain.\n\n## What changed\nThe registry points serving to the new version.\n\n"
               "## How it was tested\nShadow run for four weeks: recall +0.021 (95 % interval +0.004 to +0.038) "
               "against the live model, precision -0.004, p95 latency +3 ms; passed the promotion gate.\n\n"
               "## Risk and rollback\nPoint the registry back to churn-2026-08-04.\n"),
}
SECTIONS = ("why", "what_changed", "how_tested", "risk_rollback", "feature_flag")

# comment -> (pull request, reviewer, comment text)
REVIEW_COMMENTS = {
    "C1": ("PR-412", "Lead engineer", "Nit: keep the YAML keys in alphabetical order."),
    "C2": ("PR-412", "Retention agents' lead", "How many fewer subscribers will we flag each Monday? My team "
                                              "plans its calls on that number."),
    "C3": ("PR-415", "Brand manager", "Should agents see 'substitutions' or 'swapped items'? Agents read it "
                                     "aloud to subscribers."),
    "C4": ("PR-415", "Lead engineer", "Use a list comprehension here instead of the loop."),
    "C5": ("PR-418", "Data scientist", "Does recall on the holdout go up? I see no evaluation."),
    "C6": ("PR-418", "Head of retention", "Can we also add the delivery-rating feature while we are at it?"),
    "C7": ("PR-421", "Lead engineer", "Type hints on the new helpers, please."),
    "C8": ("PR-424", "Customer support lead", "If a subscriber accepts the offer, do they still get the "
                                              "cancellation e-mail? Support will get calls either way."),
    "C9": ("PR-424", "Front-end engineer", "This component re-renders twice; memoise it."),
    "C10": ("PR-427", "Data protection officer", "Does the new version use any data the record of processing "
                                                "does not list yet?"),
    "C11": ("PR-427", "Lead engineer", "Pin scikit-learn in the image to the version the model was trained with."),
}


def pull_requests(seed: int = 94) -> pd.DataFrame:
    """Six of the churn team's pull requests: title, files changed, description (module 09).

    Parameters
    ----------
    seed : int
        Seed of the row order.

    Returns
    -------
    pandas.DataFrame
        ``pr_id``, ``title``, ``files_changed`` (separated by ``;``) and ``description`` (markdown
        with one ``## `` heading per section the author wrote).
    """
    rng = np.random.default_rng(seed)
    rows = [{"pr_id": pr, "title": title, "files_changed": files, "description": text}
            for pr, (title, files, text) in PULL_REQUESTS.items()]
    return pd.DataFrame([rows[i] for i in rng.permutation(len(rows))]).reset_index(drop=True)


def review_comments(seed: int = 95) -> pd.DataFrame:
    """Review comments on those pull requests, one row each (module 09).

    Parameters
    ----------
    seed : int
        Seed of the row order.

    Returns
    -------
    pandas.DataFrame
        ``comment_id``, ``pr_id``, ``reviewer`` (a role) and ``comment``.
    """
    rng = np.random.default_rng(seed)
    rows = [{"comment_id": c, "pr_id": pr, "reviewer": who, "comment": text}
            for c, (pr, who, text) in REVIEW_COMMENTS.items()]
    return pd.DataFrame([rows[i] for i in rng.permutation(len(rows))]).reset_index(drop=True)


DATASETS = {
    "board_events": board_events,
    "data_catalogue": data_catalogue,
    "refinement_backlog": refinement_backlog,
    "pull_requests": pull_requests,
    "review_comments": review_comments,
}
