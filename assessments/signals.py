"""What the engine announces, always after the transaction commits. Higher apps listen (courses count a passed
final test towards completion; certificates issue on a confirmation) — the engine never imports them."""

from django.dispatch import Signal

# sender=Attempt, attempt_id, user_id: an attempt has its final score (auto-scored, or after the last examiner)
attempt_graded = Signal()
# sender=Attempt, attempt_id, user_id: a key correction turned a pass into a fail
attempt_failed_after_regrade = Signal()
# sender=Confirmation, confirmation_id, user_id
skills_confirmed = Signal()
confirmation_revoked = Signal()
# sender=CompetenceLevel, user_id, rises=[(component_id, from_level, to_level)]: a learner's levels went up (one
# signal for all the components an attempt moved)
competence_reached = Signal()
