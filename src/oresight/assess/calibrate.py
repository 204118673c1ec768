"""``oresight calibrate OUTCOMES.csv``: refit the score's weights from a user's outcomes.

Each outcome row names a stored, assessed announcement (``announcement_id``, or ``ticker`` and
``date``) and what followed: an ``abnormal_return`` (a positive outcome when at or above the threshold)
or a ``label`` (1/0, yes/no, or ordinary < notable < significant < exceptional, positive from
significant). The features are the stored factor values (0..1; an unknown factor takes the mean of the
known ones in the data). An L2-regularised logistic regression (scikit-learn) is judged out of sample by
stratified k-fold cross-validation (AUC, log loss, Brier score), next to the AUC of the current score on
the same rows; then it is refitted on all rows, and its positive coefficients, scaled to sum to 100,
become the new weights (a factor with a negative coefficient gets weight 0 and is reported).
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from oresight.assess._text import load
from oresight.assess.significance import FACTORS
from oresight.exceptions import BadInput
from oresight.store import Store

LEVELS = {"ordinary": 0, "watch": 0, "notable": 1, "significant": 2, "exceptional": 3}
LABELS = {"1": 1, "0": 0, "true": 1, "false": 0, "yes": 1, "no": 0, "positive": 1, "negative": 0,
          "exceptional": 1, "significant": 1, "notable": 0, "ordinary": 0, "watch": 0}
MIN_ROWS = 10


@dataclass(frozen=True)
class Outcome:
    line: int
    announcement_id: int | None
    ticker: str | None
    date: str | None
    positive: int
    level: int | None = None  # ordinal label: ordinary/watch 0 < notable 1 < significant 2 < exceptional 3


def read_outcomes(path: Path, *, threshold: float = 0.10) -> list[Outcome]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise BadInput(f"{path}: cannot read: {str(e).splitlines()[0]}") from None
    reader = csv.DictReader(text.splitlines())
    cols = {(c or "").strip().lower(): c for c in reader.fieldnames or []}
    if "announcement_id" not in cols and not ("ticker" in cols and "date" in cols):
        raise BadInput(f"{path}: needs an announcement_id column, or ticker and date columns")
    if "abnormal_return" not in cols and "label" not in cols:
        raise BadInput(f"{path}: needs an abnormal_return or a label column")
    out: list[Outcome] = []
    for n, row in enumerate(reader, start=2):
        def get(k: str, row: dict[str, str] = row) -> str:
            c = cols.get(k)
            return (row.get(c) or "").strip() if c else ""
        ann = get("announcement_id")
        if ann and not re.fullmatch(r"[0-9]{1,18}", ann):
            raise BadInput(f"{path}:{n}: announcement_id {ann!r} is not a positive whole number")
        level: int | None = None
        if get("abnormal_return"):
            try:
                ret = float(get("abnormal_return").rstrip("%")) / (100 if get("abnormal_return").endswith("%") else 1)
            except ValueError:
                raise BadInput(f"{path}:{n}: abnormal_return {get('abnormal_return')!r} is not a number") from None
            if not math.isfinite(ret):
                raise BadInput(f"{path}:{n}: abnormal_return is not finite")
            positive = int(ret >= threshold)
        elif "label" not in cols:
            raise BadInput(f"{path}:{n}: no abnormal_return and no label column for this row")
        else:
            lab = get("label").lower()
            if lab not in LABELS:
                raise BadInput(f"{path}:{n}: label {lab!r} is not one of {', '.join(sorted(LABELS))}")
            positive = LABELS[lab]
            level = LEVELS.get(lab)
        if not ann and not (get("ticker") and get("date")):
            raise BadInput(f"{path}:{n}: no announcement_id and no ticker+date")
        out.append(Outcome(n, int(ann) if ann else None, get("ticker").upper() or None, get("date") or None, positive,
                           level))
    if not out:
        raise BadInput(f"{path}: no outcome rows")
    return out


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    pos, neg = s[y == 1], s[y == 0]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    wins = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(wins / (len(pos) * len(neg)))


@dataclass
class CalibrationReport:
    rows: int
    positives: int
    unresolved: list[str]
    auc_current: float
    auc_cv: float
    log_loss_cv: float
    brier_cv: float
    folds: int
    coefficients: dict[str, float]
    weights: dict[str, float]
    dropped: list[str] = field(default_factory=list)
    model: str = "logistic regression (L2), positive = significant or better / abnormal return >= threshold"
    concordance_cv: float | None = None  # ordinal model: out-of-sample C-index between score and level
    kept: list[str] = field(default_factory=list)  # factors without variation here: current weights kept

    def summary(self) -> str:
        lines = [f"{self.rows} outcomes matched ({self.positives} positive); {len(self.unresolved)} not found"
                 + (f": {', '.join(self.unresolved[:5])}" if self.unresolved else ""),
                 f"model: {self.model}",
                 f"current score AUC on these rows: {self.auc_current:.3f}",
                 f"refitted, out of sample ({self.folds}-fold CV): AUC {self.auc_cv:.3f}, log loss {self.log_loss_cv:.3f}, "
                 f"Brier {self.brier_cv:.3f}",
                 "new weights: " + ", ".join(f"{k} {v:g}" for k, v in self.weights.items())]
        if self.concordance_cv is not None:
            lines.insert(3, f"ordinal fit, out of sample: concordance (C-index) of score and level {self.concordance_cv:.3f}")
        if self.dropped:
            lines.append("weight 0 (negative coefficient): " + ", ".join(self.dropped))
        if self.kept:
            lines.append("kept at their current share (no variation in these outcomes): " + ", ".join(self.kept))
        if not self.better:
            lines.append("the refitted weights do not beat the current score out of sample: keep the current weights "
                         "(use --force to write them anyway)")
        return "\n".join(lines)

    @property
    def better(self) -> bool:
        return bool(self.auc_cv > self.auc_current) or math.isnan(self.auc_current)

    def weights_yaml(self) -> str:
        data: dict[str, Any] = {
            "weights": self.weights,
            "calibration": {"rows": self.rows, "positives": self.positives, "auc_cv": round(self.auc_cv, 4),
                            "log_loss_cv": round(self.log_loss_cv, 4), "folds": self.folds,
                            "coefficients": {k: round(v, 4) for k, v in self.coefficients.items()}},
        }
        return "# written by `oresight calibrate`; use with ORESIGHT_WEIGHTS=<this file>\n" + yaml.safe_dump(data, sort_keys=False)


def features(assessment: dict[str, Any]) -> tuple[list[float | None], float]:
    by = {f["name"]: f for f in assessment["significance"]["factors"]}
    return [by[n]["value"] if n in by else None for n in FACTORS], float(assessment["significance"]["score"])


def calibrate(store: Store, outcomes: list[Outcome], *, folds: int = 5, C: float = 1.0, seed: int = 0) -> CalibrationReport:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import brier_score_loss, log_loss
    from sklearn.model_selection import StratifiedKFold

    X_rows: list[list[float | None]] = []
    y: list[int] = []
    levels: list[int | None] = []
    current: list[float] = []
    unresolved: list[str] = []
    for o in outcomes:
        ids = [o.announcement_id] if o.announcement_id is not None else store.find_by_ticker_date(o.ticker or "", o.date or "")
        a = store.assessment(ids[0]) if ids and ids[0] is not None else None
        if a is None:
            unresolved.append(f"line {o.line}")
            continue
        f, s = features(a)
        X_rows.append(f)
        y.append(o.positive)
        levels.append(o.level)
        current.append(s)
    yy = np.array(y, dtype=int)
    if len(yy) < MIN_ROWS or yy.sum() < 2 or (len(yy) - yy.sum()) < 2:
        raise BadInput(f"calibration needs at least {MIN_ROWS} matched outcomes with at least 2 of each class "
                       f"(got {len(yy)}, {int(yy.sum())} positive)")
    X_all = np.array([[np.nan if v is None else v for v in row] for row in X_rows], dtype=float)
    # a factor with no variation in these outcomes (never known, e.g. no market caps given; or constant)
    # cannot be fitted: it keeps its current share of the weights and the fit spreads the rest
    usable = [j for j in range(X_all.shape[1])
              if len(np.unique(X_all[~np.isnan(X_all[:, j]), j])) >= 2]
    kept = [FACTORS[j] for j in range(X_all.shape[1]) if j not in usable]
    if not usable:
        raise BadInput("no factor varies across these outcomes: nothing to fit")
    X = X_all[:, usable]
    with np.errstate(all="ignore"):
        means = np.nanmean(X, axis=0)
    X = np.where(np.isnan(X), means, X)
    k = int(min(folds, yy.sum(), len(yy) - yy.sum()))
    k = max(k, 2)
    ordinal = all(v is not None for v in levels) and len({v for v in levels}) >= 3
    probs = np.zeros(len(yy))
    concordance: float | None = None
    if ordinal:
        lv = np.array(levels, dtype=int)
        scores_oof = np.zeros(len(yy))
        for train, test in StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(X, yy):
            slope, cuts = _ordinal_fit(X[train], lv[train], C)
            scores_oof[test] = X[test] @ slope
            probs[test] = 1.0 / (1.0 + np.exp(-(scores_oof[test] + cuts.get(2, 0.0))))
        concordance = _concordance(lv, scores_oof)
        slope, _ = _ordinal_fit(X, lv, C)
        coef_vector = slope
        model_name = "ordinal regression (cumulative logit, shared slopes, L2): levels ordinary < notable < significant < exceptional"
    else:
        for train, test in StratifiedKFold(n_splits=k, shuffle=True, random_state=seed).split(X, yy):
            model = LogisticRegression(C=C, max_iter=1000)
            model.fit(X[train], yy[train])
            probs[test] = model.predict_proba(X[test])[:, 1]
        coef_vector = LogisticRegression(C=C, max_iter=1000).fit(X, yy).coef_[0]
        model_name = CalibrationReport.model
    coefs = {FACTORS[j]: float(c) for j, c in zip(usable, coef_vector, strict=True)}
    positive = {n: c for n, c in coefs.items() if c > 0}
    if not positive:
        raise BadInput("these outcomes give no factor a positive weight (no relation between the factors and the "
                       "outcomes): nothing to refit")
    total = sum(positive.values())
    base = {n: float(v) for n, v in load("weights.yaml")["weights"].items()}
    share_kept = sum(base[n] for n in kept) / sum(base.values())
    weights = {n: round(100.0 * base[n] / sum(base.values()), 1) if n in kept
               else round(100.0 * (1 - share_kept) * positive.get(n, 0.0) / total, 1) for n in base}
    return CalibrationReport(len(yy), int(yy.sum()), unresolved, _auc(yy, np.array(current)), _auc(yy, probs),
                             float(log_loss(yy, probs, labels=[0, 1])), float(brier_score_loss(yy, probs)), k, coefs,
                             weights, [n for n, c in coefs.items() if c <= 0], model_name, concordance, kept)


def _ordinal_fit(X: np.ndarray, levels: np.ndarray, C: float) -> tuple[np.ndarray, dict[int, float]]:
    """Cumulative-logit ordinal regression with shared slopes, fitted as one L2 logistic regression on the
    stacked problems "level >= k" (k = 1..K-1), each with its own threshold column. Returns the slopes and
    the threshold of each k (added to X @ slopes for P(level >= k))."""
    from sklearn.linear_model import LogisticRegression

    ks = sorted({int(v) for v in levels if v > levels.min()})
    blocks, targets = [], []
    for j, kk in enumerate(ks):
        onehot = np.zeros((len(X), len(ks)))
        onehot[:, j] = 1.0
        blocks.append(np.hstack([X, onehot]))
        targets.append((levels >= kk).astype(int))
    Xs, ys = np.vstack(blocks), np.concatenate(targets)
    m = LogisticRegression(C=C, max_iter=2000, fit_intercept=False).fit(Xs, ys)
    slope = m.coef_[0][: X.shape[1]]
    cuts = {kk: float(m.coef_[0][X.shape[1] + j]) for j, kk in enumerate(ks)}
    return slope, cuts


def _concordance(levels: np.ndarray, scores: np.ndarray) -> float:
    """Harrell's C: the share of pairs with different levels whose scores are in the same order (ties half)."""
    num = den = 0.0
    for i in range(len(levels)):
        diff = levels[i] > levels
        den += diff.sum()
        num += ((scores[i] > scores) & diff).sum() + 0.5 * ((scores[i] == scores) & diff).sum()
    return float(num / den) if den else float("nan")
