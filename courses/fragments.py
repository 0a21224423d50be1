"""The learner's own parts of a lesson page, written in Python rather than as templates.

They are filled into the cached frame of every lesson view (courses.rendering), the page learners open most;
Django's template engine costs more than the rest of such a view, so these few small pieces are built directly
with format_html (everything interpolated is escaped). The course page uses the same outline (`outline_html`),
so there is one definition of it.
"""

from django.urls import reverse
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .selectors import CourseOutline, LessonSnapshot, OutlineAssessment


def _join(parts) -> SafeString:
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - every part was built by format_html


def _need(name: str, missing: list[str], text) -> SafeString:
    return format_html('<li data-need="{}" class="{}">{}</li>', name, "todo" if name in missing else "ok", text)


def status_html(snapshot: LessonSnapshot, state: dict | None) -> SafeString:
    """What the lesson still needs, kept up to date by lesson.js from the server's answers."""
    if not state:
        return mark_safe("")
    missing = state["missing"]
    needs = [
        _need(
            "reading",
            missing,
            ngettext(
                "Study the lesson for at least %(minutes)s minute",
                "Study the lesson for at least %(minutes)s minutes",
                snapshot.min_reading_minutes,
            )
            % {"minutes": snapshot.min_reading_minutes},
        )
    ]
    needs += [
        _need(f"video:{video.block_id}", missing, _("Watch the video to the end"))
        for video in snapshot.videos
        if video.required
    ]
    needs += [
        _need(f"activity:{activity.block_id}", missing, _("Do the activity “%(title)s”") % {"title": activity.title})
        for activity in snapshot.activities
        if activity.required
    ]
    if snapshot.checkpoint_size:
        needs.append(_need("checkpoint", missing, _("Answer the questions at the end")))
    completed = state["completed"]
    return format_html(
        '<section class="lesson-status" aria-labelledby="status-title" data-lesson-status>'
        '<h2 id="status-title" class="status-title">{}</h2>'
        '<p class="status-done" data-status-done{} role="status">✓ {}</p>'
        '<ul class="status-list" data-status-list{}>{}</ul>'
        '<p class="status-offline" data-status-offline hidden role="status">{}</p>'
        "</section>",
        _("To finish this lesson"),
        "" if completed else mark_safe(" hidden"),
        _("Lesson completed. Well done!"),
        mark_safe(" hidden") if completed else "",
        _join(needs),
        _("No connection right now. Keep studying: your progress is saved when the connection returns."),
    )


def checkpoint_html(snapshot: LessonSnapshot, questions, *, passed: bool, csrf_token: str, preview: bool) -> SafeString:
    """The learner's own drawn questions, as a plain form (it works without JavaScript). Never the answers."""
    if not questions:
        return mark_safe("")
    if passed:
        inside = format_html('<p class="done-note">{}</p>', _("You answered these questions correctly."))
    else:
        fieldsets = []
        for number, item in enumerate(questions, start=1):
            options = format_html_join(
                "",
                '<label class="choice"><input type="radio" name="cau-{}" value="{}" required> {}</label>',
                ((item.id, index, option) for index, option in enumerate(item.options)),
            )
            fieldsets.append(
                format_html(
                    '<fieldset class="field field-choices"><legend>{}. {}</legend>{}</fieldset>',
                    number,
                    item.question,
                    options,
                )
            )
        inside = format_html(
            "<p>{}</p>"
            '<form method="post" action="{}" class="form checkpoint-form">'
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">{}'
            '<button type="submit" class="button"{}>{}</button></form>',
            _("Answer these questions. They are checked on the server; if one is wrong you get new questions."),
            reverse("courses:checkpoint", args=[snapshot.id]),
            csrf_token,
            _join(fieldsets),
            mark_safe(" disabled") if preview else "",
            _("Check my answers"),
        )
    return format_html(
        '<section class="checkpoint" aria-labelledby="checkpoint-title"><h2 id="checkpoint-title">{}</h2>{}</section>',
        _("Check what you learned"),
        inside,
    )


def actions_html(
    snapshot: LessonSnapshot,
    outline: CourseOutline | None,
    *,
    previous_lesson,
    next_lesson,
    unlocked_ids,
    view_token: str,
    csrf_token: str,
    preview: bool,
) -> SafeString:
    """The "I have finished reading" form for pages without JavaScript, and the way to the lessons around."""
    parts = []
    if not preview:
        parts.append(
            format_html(
                '<noscript><form method="post" action="{}" class="form">'
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                '<input type="hidden" name="view" value="{}">'
                '<button type="submit" class="button">{}</button></form></noscript>',
                reverse("courses:finish_reading", args=[snapshot.id]),
                csrf_token,
                view_token,
                _("I have finished reading"),
            )
        )
    links = []
    if previous_lesson:
        links.append(
            format_html(
                '<a class="button-small" rel="prev" href="{}">← {}</a>', previous_lesson.url, _("Previous lesson")
            )
        )
    if next_lesson:
        if next_lesson.id in unlocked_ids or preview:
            links.append(
                format_html('<a class="button" rel="next" href="{}">{} →</a>', next_lesson.url, _("Next lesson"))
            )
        else:
            # lesson.js shows the link once the server says this lesson is done
            links.append(
                format_html(
                    '<p class="meta" data-next-locked>{}</p>'
                    '<a class="button" rel="next" href="{}" data-next-link hidden>{} →</a>',
                    _("The next lesson opens when you finish this one."),
                    next_lesson.url,
                    _("Next lesson"),
                )
            )
    elif outline:
        links.append(format_html('<a class="button" href="{}">{}</a>', outline.url, _("Back to the course")))
    parts.append(format_html('<nav class="lesson-nav" aria-label="{}">{}</nav>', _("Lessons"), _join(links)))
    return _join(parts)


RESULT_LABELS = {
    "passed": ("badge badge-ok", gettext_lazy("Passed")),
    "not_passed": ("badge", gettext_lazy("Not passed yet")),
}
NOT_STARTED = ("badge", gettext_lazy("Not started"))


def _assessment_html(kind_label, assessment: OutlineAssessment, *, results, required: bool) -> SafeString:
    """One quiz or final test in the outline: what it is, a link to it and, for a signed-in learner, where they
    stand (in words, not only by colour)."""
    badge = ""
    if results is not None:
        css, label = RESULT_LABELS.get(results.get(assessment.id, ""), NOT_STARTED)
        badge = format_html(' <span class="{}">{}</span>', css, label)
    note = format_html(' <span class="meta">({})</span>', _("pass it to finish the course")) if required else ""
    return format_html(
        '<p class="outline-test" data-assessment="{}"><span class="outline-test-kind">{}:</span> '
        '<a href="{}">{}</a>{}{}</p>',
        assessment.id,
        kind_label,
        assessment.url,
        assessment.title,
        badge,
        note,
    )


def outline_html(
    outline: CourseOutline | None, *, completed_ids, unlocked_ids, current_id=None, assessment_results=None
) -> SafeString:
    """The course's modules and lessons, with what is done, locked or optional for this learner, each module's
    quiz and the final test. `assessment_results`: {assessment id: "passed" | "not_passed"} for a signed-in
    learner, None for a visitor (no state shown)."""
    if outline is None:
        return mark_safe("")
    done_label, locked_label, optional_label = _("done"), _("locked"), _("optional")
    sections = []
    for module in outline.modules:
        items = []
        for lesson in module.lessons:
            done = lesson.id in completed_ids
            if lesson.id == current_id:
                title = format_html('<span aria-current="page">{}</span>', lesson.title)
            elif lesson.id in unlocked_ids:
                title = format_html('<a href="{}">{}</a>', lesson.url, lesson.title)
            else:
                title = escape(lesson.title)
            badges = ""
            if done:
                badges = format_html('<span class="badge badge-ok">{}</span>', done_label)
            elif unlocked_ids and lesson.id not in unlocked_ids:
                badges = format_html('<span class="badge">{}</span>', locked_label)
            if not lesson.required:
                badges = format_html('{}<span class="badge">{}</span>', badges, optional_label)
            items.append(format_html('<li class="{}">{} {}</li>', "is-done" if done else "", title, badges))
        summary = format_html('<p class="meta">{}</p>', module.summary) if module.summary and current_id is None else ""
        quiz = ""
        if module.quiz is not None:
            quiz = _assessment_html(
                _("End-of-module quiz"),
                module.quiz,
                results=assessment_results,
                required=outline.quizzes_required,
            )
        sections.append(
            format_html(
                '<section id="phan-{}"><h3>{}</h3>{}<ol class="lesson-list">{}</ol>{}</section>',
                module.id,
                module.title,
                summary,
                _join(items),
                quiz,
            )
        )
    if outline.final is not None:
        sections.append(
            format_html(
                '<section id="kiem-tra-cuoi-khoa"><h3>{}</h3>{}</section>',
                _("Final test of the course"),
                _assessment_html(
                    _("Final test of the course"), outline.final, results=assessment_results, required=True
                ),
            )
        )
    return format_html(
        '<nav class="course-outline" aria-labelledby="outline-title"><h2 id="outline-title">{}</h2>{}</nav>',
        _("Lessons of the course"),
        _join(sections),
    )
