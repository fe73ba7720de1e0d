"""The default stages of a system-design question whose pack gives none, and which stages a question has.

The template follows the design method interviewers listen for; its rubrics hold the everyday ways
candidates say each idea, because they must fit any system-design prompt, not one.
"""

from __future__ import annotations

from interview.bank.model import Concept, DesignStage, Question

DESIGN_AREA = "ml-system-design"


def _concept(name: str, phrases: str, required: bool = False, probe: str = "") -> Concept:
    return Concept(name, tuple(p.strip() for p in phrases.split(",")), 1.0, required, probe)


DEFAULT_STAGES: tuple[DesignStage, ...] = (
    DesignStage(
        "Clarify requirements and metrics",
        "Before any model: what would you ask about the problem, and which number tells us it works?",
        5,
        (
            _concept(
                "a success metric and an ML objective",
                "business metric, success metric, north star, objective, optimize for, what we optimise, "
                "key metric, measure success, goal is",
                required=True,
                probe="What single number would tell you this system is working?",
            ),
            _concept(
                "scale and constraints",
                "how many users, scale, requests per second, queries per second, traffic, constraints, "
                "requirements, volume, per day",
            ),
        ),
    ),
    DesignStage(
        "Data and labels",
        "What data would you train on, and where do the labels come from?",
        6,
        (
            _concept(
                "where labels come from",
                "labels, ground truth, annotation, annotators, labelled data, implicit feedback, human raters, "
                "user feedback, clicks as labels, logged outcomes",
                required=True,
                probe="Where would your training labels come from, and how trustworthy are they?",
            ),
            _concept(
                "data problems",
                "class imbalance, imbalanced, noisy labels, leakage, sampling bias, selection bias, delayed labels, "
                "missing data, rare positives",
            ),
        ),
    ),
    DesignStage(
        "Features",
        "Which signals would you turn into features, and how are they computed?",
        5,
        (
            _concept(
                "useful feature groups",
                "features, user features, item features, context features, embeddings, historical counts, "
                "aggregates, signals",
                required=True,
                probe="Which three signals would you build features from first?",
            ),
            _concept(
                "feature pipeline and freshness",
                "feature store, freshness, real-time features, streaming features, batch features, "
                "training-serving skew, point in time, precomputed features",
            ),
        ),
    ),
    DesignStage(
        "Model and baseline",
        "What is your first, simple model, and what would you try after it?",
        7,
        (
            _concept(
                "a simple baseline first",
                "baseline, heuristic, rule-based, rules, logistic regression, popularity, start simple, "
                "simple model first",
                required=True,
                probe="What is the simplest model you would ship first, to have something to beat?",
            ),
            _concept(
                "a stronger model and its trade-off",
                "gradient boosted trees, boosted trees, xgboost, neural network, deep model, two-tower, transformer, "
                "trade-off, more complex model",
            ),
        ),
    ),
    DesignStage(
        "Offline evaluation",
        "How would you evaluate the model before it sees real traffic?",
        5,
        (
            _concept(
                "offline metrics that fit the task",
                "precision, recall, AUC, NDCG, log loss, F1, RMSE, MAE, offline metric, calibration, "
                "precision-recall curve",
                required=True,
                probe="Which offline metric would you report, and why that one?",
            ),
            _concept(
                "a fair validation split",
                "held-out, hold out, time-based split, split by time, validation set, cross-validation, test set, "
                "out-of-time, later period",
            ),
        ),
    ),
    DesignStage(
        "Serving and latency",
        "How do predictions reach users, and within what latency?",
        6,
        (
            _concept(
                "how predictions are served",
                "online serving, real time, real-time scoring, batch scoring, batch job, API, endpoint, precompute, "
                "cache, model server",
                required=True,
                probe="Would you score requests in real time or in batch, and why?",
            ),
            _concept(
                "latency and scale budget",
                "latency, milliseconds, ms, throughput, QPS, p99, scale out, replicas, GPU, CPU",
            ),
        ),
    ),
    DesignStage(
        "Monitoring and iteration",
        "After launch, what do you watch, and how does the system get better?",
        5,
        (
            _concept(
                "monitoring after launch",
                "monitor, monitoring, drift, dashboards, alerts, data quality checks, distribution shift",
                required=True,
                probe="After launch, what would you monitor, and what would make you roll back?",
            ),
            _concept(
                "online test and retraining",
                "A/B test, online experiment, experiment, retrain, retraining, feedback loop, iterate, canary, shadow",
            ),
        ),
    ),
)


def stages_for(question: Question) -> tuple[DesignStage, ...]:
    """The stages a question is run in: its own, the default ones for a system-design question, or none."""
    if question.stages:
        return question.stages
    if question.area == DESIGN_AREA and question.case is None and question.code is None and "~" not in question.id:
        return DEFAULT_STAGES
    return ()
