"""Hand-written equivalences of meaning, for what word vectors get wrong in ML talk.

Distributional vectors put antonyms side by side (increase ~ decrease, overfit ~ underfit,
precision ~ recall), and they do not know that "sequentially" and "one at a time" say the same
thing. This lexicon says both, and it is small enough to read: every soft match it allows is
shown to the candidate as "in other words".

- WORD_GROUPS: words that mean the same in an interview answer (matched by stem).
- PHRASE_GROUPS: multi-word ways of saying one thing; a rubric phrase written one way is also
  looked for written the others.
- OPPOSITES: pairs a soft match must never join, whatever the vectors say.
"""

from __future__ import annotations

WORD_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(group.split())
    for group in """
increase grow rise raise boost inflate climb
decrease reduce lower shrink cut diminish decline drop lessen
big large huge bigger larger greater
small little tiny
fast quick rapid speedy
slow sluggish
penalize punish discourage
remove delete eliminate discard
compute calculate
combine merge aggregate
split divide partition
average mean
feature attribute predictor covariate
label target
row record observation
coefficient weight parameter
error mistake
identical same
different distinct
threshold cutoff
boundary border frontier
move shift
drift shift
silently quietly unnoticed
monitor watch track
choose select pick
measure quantify gauge
probability chance likelihood
spread dispersion variability
cluster group
memorize memorise
underfit underfitting
overfit overfitting
tune adjust
unseen new fresh
repeatedly iteratively
sequentially serially
simultaneously concurrently
rare infrequent uncommon
common frequent
random stochastic
wrong incorrect
exponentially geometrically
absolute modulus magnitude
prevent avoid stop
ignore disregard
assume suppose
estimate approximate
predict forecast
train fit
""".strip().splitlines()
)

PHRASE_GROUPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.strip() for p in group.split("|"))
    for group in """
sequentially | one at a time | one after another | in sequence
in parallel | at the same time | simultaneously | independently of each other
decision threshold | decision boundary | cutoff | cut-off point
ranking quality | separability | how well it separates | how well it ranks | separates the classes
sum of absolute values | sum of the absolute values | sum of moduli | sum of modules | l1 norm | manhattan norm
sum of squares | sum of squared values | sum of the squares | l2 norm | euclidean norm
too simple | not flexible enough | too rigid | not complex enough | lacks capacity
too complex | too flexible | too much capacity | overly complex
more data | more training data | more examples | bigger dataset | larger dataset
fewer features | less features | drop features | remove features | feature selection
held-out data | unseen data | data it has not seen | new data | test set
training data | training set | data it was trained on
generalize | generalise | perform well on new data | work on unseen data
goes to zero | becomes zero | set to zero | exactly zero | drops to zero | shrinks to zero
close to zero | near zero | tiny | very small | vanishingly small
large weights | big weights | larger weights | weights that are large | high weights
false positive | false alarm | type i error
false negative | missed detection | type ii error
true positive rate | recall | sensitivity | hit rate
true negative rate | specificity
positive predictive value | precision
null hypothesis | no effect | no difference
at random | randomly
with replacement | sampling with replacement | bootstrap sample | bootstrapped sample
learning rate | step size
converges | settles | stops changing | reaches a minimum
local minimum | local minima | local optimum
vanishing gradients | gradients shrink | gradients become tiny | gradients go to zero
exploding gradients | gradients blow up | gradients become huge | gradients grow very large
look up | lookup | retrieve
look-ahead | peeking | future information | information from the future
""".strip().splitlines()
)

OPPOSITES: tuple[tuple[str, str], ...] = tuple(
    tuple(pair.split("/"))  # type: ignore[misc]
    for pair in """
increase/decrease grow/shrink rise/fall raise/lower high/low higher/lower more/less most/least
larger/smaller bigger/smaller big/small large/small long/short many/few maximum/minimum max/min
fast/slow faster/slower over/under overfit/underfit overfitting/underfitting positive/negative
true/false precision/recall sensitivity/specificity bias/variance train/test training/testing
before/after above/below inside/outside first/last left/right input/output encoder/decoder
supervised/unsupervised dense/sparse linear/nonlinear convex/concave global/local online/offline
start/end add/remove include/exclude accept/reject correct/incorrect sufficient/insufficient
independent/dependent upper/lower forward/backward row/column horizontal/vertical
""".split()
)
