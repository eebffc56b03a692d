"""Module 08 data: the churn model in production at Larder.

Four generators, each seeded: feature snapshots before and after a price change (drift), the
champion and challenger models scored side by side in shadow mode, a day of the scoring API's
request log (latency and errors), and a subscription event stream delivered at least once
(duplicates, out of order).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

FEATURES = ("basket_value_eur", "discount_share", "orders_per_month", "tenure_months", "delivery_rating")
EVENT_STATUS = {"subscribed": "active", "paused": "paused", "resumed": "active", "cancelled": "cancelled"}


def feature_snapshots(seed: int = 8, n_per_period: int = 3000) -> pd.DataFrame:
    """Subscribers' model inputs in the reference window (training) and in the current week.

    Planted: a price rise of about 12 % moved ``basket_value_eur`` up (significant drift) and
    pushed more subscribers to pay part of their order with vouchers (``discount_share``,
    moderate drift); the other three features are drawn from the same distributions in both
    periods (stable).
    """
    rng = np.random.default_rng(seed)
    frames = []
    for period, price, extra_discount in (("reference", 1.0, 0.0), ("current", 1.2, 0.018)):
        n = n_per_period
        basket = rng.gamma(shape=9.0, scale=6.5, size=n) * price + 12
        discount = np.clip(rng.beta(1.6, 14.0, size=n) + extra_discount * rng.random(n) * 2, 0, 0.6)
        frames.append(pd.DataFrame({
            "period": period,
            "basket_value_eur": basket.round(2),
            "discount_share": discount.round(3),
            "orders_per_month": rng.poisson(3.2, size=n) + 1,
            "tenure_months": rng.geometric(1 / 14, size=n),
            "delivery_rating": np.clip(rng.normal(4.1, 0.55, size=n), 1, 5).round(1),
        }))
    return pd.concat(frames, ignore_index=True)


def shadow_scores(seed: int = 8, n: int = 4000, champion_share: float = 0.15,
                  challenger_share: float = 0.165) -> pd.DataFrame:
    """Last month's untreated holdout scored by the live model (champion) and a retrained one (challenger).

    The holdout's subscribers got no retention call whatever the models said, so ``churned`` (known
    four weeks later) is what happens without treatment and both models are judged on the same
    untreated outcomes. Each model flags the subscribers whose score is at least the production
    threshold; the challenger's scores run a little higher, so it flags ``challenger_share`` of
    them against the champion's ``champion_share``, and its precision can move apart from its
    recall. Planted: the challenger catches slightly more churners on average (partly by flagging
    more), the 95 % interval of the difference in recall still includes zero, its precision is a
    little lower and its p95 latency higher (both within the tolerances).
    """
    rng = np.random.default_rng(seed)
    risk = rng.normal(size=n)
    churned = (rng.random(n) < 1 / (1 + np.exp(-(risk * 1.5 - 2.65)))).astype(int)
    signal = risk + rng.normal(scale=0.9, size=n)
    champion = signal + rng.normal(scale=0.75, size=n)
    challenger = signal + 0.12 * risk + rng.normal(scale=0.72, size=n)
    champion_flag = np.zeros(n, dtype=int)
    challenger_flag = np.zeros(n, dtype=int)
    champion_flag[np.argsort(-champion)[:int(round(champion_share * n))]] = 1
    challenger_flag[np.argsort(-challenger)[:int(round(challenger_share * n))]] = 1
    return pd.DataFrame({
        "subscriber_id": [f"S{i:05d}" for i in rng.permutation(n) + 10000],
        "churned": churned,
        "champion_flag": champion_flag,
        "challenger_flag": challenger_flag,
        "champion_latency_ms": (rng.lognormal(np.log(45), 0.35, size=n)).round(1),
        "challenger_latency_ms": (rng.lognormal(np.log(52), 0.35, size=n)).round(1),
    })


# Traffic to the cancel page by hour of day (Europe/Amsterdam), relative: quiet at night, peaks after work.
HOURLY_TRAFFIC = np.array([0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 0.8, 1.0, 1.1, 1.1, 1.2,
                           1.4, 1.3, 1.2, 1.2, 1.3, 1.5, 1.8, 2.1, 2.2, 1.9, 1.3, 0.6])


def scoring_requests(seed: int = 8, n: int = 2500) -> pd.DataFrame:
    """One working day of requests to the real-time scoring endpoint: time, HTTP status and latency.

    The app asks for a score each time a subscriber opens the cancel page. About 500 subscribers
    cancel on a working day (the fact sheet) and about one in five who open the page goes on to
    cancel, so a working day brings about 2,500 requests, few at night and most in the evening
    (``HOURLY_TRAFFIC``). Planted: most requests are fast, but about 2 % hit a cold feature cache
    and take close to a second, so the p95 meets a 300 ms objective while the p99 misses an 800 ms
    one; server errors come from a 20-minute burst of 503s at 13:00 and a background of 500s
    spread over the day.
    """
    rng = np.random.default_rng(seed)
    hour = rng.choice(24, size=n, p=HOURLY_TRAFFIC / HOURLY_TRAFFIC.sum())
    seconds = np.sort(hour * 3600 + rng.uniform(0, 3600, size=n))
    latency = rng.lognormal(np.log(95), 0.45, size=n)
    cold = rng.random(n) < 0.021
    latency[cold] = rng.normal(1050, 180, size=cold.sum()).clip(600)
    status = np.where(rng.random(n) < 0.004, 400, 200)
    burst = (seconds > 13 * 3600) & (seconds < 13 * 3600 + 1200)
    status[burst & (rng.random(n) < 0.35)] = 503
    status[(~burst) & (rng.random(n) < 0.001)] = 500
    stamps = pd.Timestamp("2026-09-14") + pd.to_timedelta(seconds.round(3), unit="s")
    return pd.DataFrame({
        "request_id": [f"rq-{i:05d}" for i in range(n)],
        "timestamp": stamps.strftime("%Y-%m-%dT%H:%M:%S.%f").str[:-3],
        "status": status,
        "latency_ms": latency.round(1),
    })


def subscription_events(seed: int = 8, n_subscribers: int = 40) -> pd.DataFrame:
    """Subscription events as the scoring service received them from an at-least-once stream.

    Each subscriber's events carry a sequence number ``seq`` (1, 2, ...) set by the app when
    the event happened. Planted: about 15 % of events arrive twice (same ``event_id``), and
    events arrive out of order, so applying them in arrival order leaves several subscribers
    in the wrong state and counts some cancellations twice.
    """
    rng = np.random.default_rng(seed)
    rows = []
    start = pd.Timestamp("2026-09-01 08:00")
    for s in range(n_subscribers):
        subscriber = f"S{20000 + 37 * s}"
        kinds = ["subscribed"]
        for _ in range(int(rng.integers(1, 6))):
            last = kinds[-1]
            if last == "cancelled":
                break
            options = {"subscribed": ["paused", "cancelled"], "resumed": ["paused", "cancelled"],
                       "paused": ["resumed", "cancelled"]}[last]
            kinds.append(options[int(rng.random() < 0.3)])
        when = start + pd.Timedelta(minutes=int(rng.integers(0, 600)))
        for seq, kind in enumerate(kinds, start=1):
            when = when + pd.Timedelta(minutes=int(rng.integers(5, 3000)))
            rows.append({"subscriber_id": subscriber, "seq": seq, "event_time": when, "event_type": kind})
    events = pd.DataFrame(rows).sort_values("event_time", ignore_index=True)
    events.insert(0, "event_id", [f"ev-{i:04d}" for i in rng.permutation(len(events)) + 1000])
    # delivery: a random delay per event (some arrive late), then about 15 % again
    delay = rng.exponential(600, size=len(events))
    delivered = events.assign(arrived=events["event_time"] + pd.to_timedelta(delay.round(), unit="min"))
    again = delivered.sample(frac=0.15, random_state=int(rng.integers(1 << 30)))
    again = again.assign(arrived=again["arrived"] + pd.to_timedelta(rng.integers(1, 240, len(again)), unit="min"))
    stream = pd.concat([delivered, again]).sort_values("arrived", kind="stable", ignore_index=True)
    stream["event_time"] = stream["event_time"].dt.strftime("%Y-%m-%d %H:%M")
    stream.insert(0, "arrival", np.arange(1, len(stream) + 1))
    return stream.drop(columns="arrived")


DATASETS = {
    "feature_snapshots": feature_snapshots,
    "shadow_scores": shadow_scores,
    "scoring_requests": scoring_requests,
    "subscription_events": subscription_events,
}
