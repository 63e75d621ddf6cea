"""`manage.py contest_results SLUG [--round N] [--format json|text] [--drafts]`

Prints a round's current ranking (not the published snapshot) for organisers: rank,
score, standard error, median, spread, judges, prize tier, flags, and the ties the chair
must decide. Without --round: the last round that has a submitted score sheet (else the
last round). Text is in the site's language (Vietnamese); JSON is the snapshot shape of
`Ranking.as_snapshot()` plus the contest, the round, the ties and the problems.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from contests.enums import AdvanceRule, EvaluationStatus
from contests.models import Contest, Round
from contests.results.ranking import round_ranking


class Command(BaseCommand):
    help = "Print the current ranking of a contest's round with prize tiers and flags (for organisers)."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The contest's slug.")
        parser.add_argument("--round", type=int, dest="order", help="The round's order (default: the latest scored).")
        parser.add_argument("--format", choices=("json", "text"), default="text")
        parser.add_argument("--drafts", action="store_true", help="Also count complete draft score sheets.")

    def handle(self, *args, slug, order, format, drafts, **options):
        with translation.override(settings.LANGUAGE_CODE):
            round = self._round(slug, order)
            ranking = round_ranking(round, include_drafts=drafts)
            if format == "json":
                self.stdout.write(json.dumps(self._json(round, ranking), ensure_ascii=False, indent=2))
            else:
                self.stdout.write(self._text(round, ranking))

    def _round(self, slug, order) -> Round:
        contest = Contest.objects.filter(slug=slug).first()
        if contest is None:
            raise CommandError(_("Unknown contest: %(slug)s") % {"slug": slug})
        rounds = Round.objects.filter(contest=contest).select_related("contest").order_by("-order")
        if order is not None:
            round = rounds.filter(order=order).first()
            if round is None:
                raise CommandError(_("The contest %(slug)s has no round %(order)s.") % {"slug": slug, "order": order})
            return round
        round = rounds.filter(evaluations__status=EvaluationStatus.SUBMITTED).first() or rounds.first()
        if round is None:
            raise CommandError(_("The contest %(slug)s has no rounds yet.") % {"slug": slug})
        return round

    def _json(self, round, ranking) -> dict:
        data = ranking.as_snapshot()
        data.update(
            contest=round.contest.slug,
            round={"order": round.order, "name": round.name, "mode": round.mode},
            tie_groups=ranking.tie_groups,
            boundary_ties=ranking.boundary_ties,
            promoted_ties=ranking.promoted_ties,
            advance_ties=ranking.advance_ties,
            problems=ranking.problems,
            excluded_conflicts=len(ranking.excluded),
        )
        return data

    def _text(self, round, ranking) -> str:
        code = {row.entry_id: row.code for row in ranking.rows}
        lines = [
            f"{round.contest.title} – {round.name}",
            _("Method: %(method)s; %(count)s entries, %(judges)s judges.")
            % {"method": ranking.method, "count": len(ranking.rows), "judges": len(ranking.judges)},
        ]
        if not ranking.connected:
            lines.append(
                _("Judges and entries form %(count)s separate groups: scores of different groups are not comparable.")
                % {"count": len(ranking.components)}
            )
        screening = ranking.method == "screening"
        advancing = round.advance_rule != AdvanceRule.MANUAL or screening
        header = [_("Rank"), _("Code"), _("Score"), "±", _("Median"), _("Spread"), _("Judges"), _("Prize")]
        if screening:
            header[3:6] = [_("Pass"), _("Fail"), _("Verdict")]
        if advancing:
            header.append(_("Advances"))
        table = [header + [_("Flags")]]
        for row in ranking.rows:
            cells = [
                "" if row.rank is None else str(row.rank),
                row.code,
                _num(row.score),
                _num(row.std_error),
                _num(row.median),
                _num(row.spread),
                str(row.n_judges),
                row.tier_name or ("?" if "boundary_tie" in row.flags else ""),
            ]
            if screening:
                cells[3:6] = [str(row.passes), str(row.fails), VERDICTS.get(row.verdict, "")]
            if advancing:
                cells.append({True: _("yes"), False: _("no")}.get(row.advances, "?"))
            table.append(cells + [", ".join(row.flags)])
        widths = [max(len(str(r[i])) for r in table) for i in range(len(table[0]))]
        lines += ["  ".join(str(cell).ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in table]
        for group in ranking.boundary_ties:
            lines.append(
                _("Tied at a prize boundary, the chair decides: %(entries)s") % {"entries": _codes(group, code)}
            )
        for group in ranking.unresolved_ties:
            if group not in ranking.boundary_ties:
                lines.append(_("Still tied: %(entries)s") % {"entries": _codes(group, code)})
        for name, value in ranking.leniencies:
            lines.append(_("Leniency of %(judge)s: %(value)+.2f points") % {"judge": name, "value": value})
        if ranking.excluded:
            lines.append(
                _("Score sheets left out for a conflict of interest: %(count)s") % {"count": len(ranking.excluded)}
            )
        for problem in ranking.problems:
            lines.append(
                _("Check score sheet %(id)s: %(problem)s")
                % {"id": problem["evaluation_id"], "problem": problem["problem"]}
            )
        return "\n".join(lines) + "\n"


VERDICTS = {"pass": _lazy("pass"), "fail": _lazy("fail"), "split": _lazy("split")}


def _num(value) -> str:
    return "" if value is None else f"{value:.2f}"


def _codes(ids, code) -> str:
    return ", ".join(code.get(i, str(i)) for i in ids)
