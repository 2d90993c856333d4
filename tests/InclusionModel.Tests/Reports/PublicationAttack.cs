using System.Globalization;
using Google.OrTools.Sat;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Reports;
using NodaTime;

namespace InclusionModel.Tests.Reports;

/// <summary>
/// The attacker of docs/interchange-contract.md §6, as sdcTable's <c>attack()</c> builds it: an integer program over
/// the true counts behind a whole series of published reports of one program (every month, the half-years, the
/// final report and some from–to periods, month-aligned), with every relation the contract makes public written
/// out here from the contract, never taken from the code under test: group sums, sums of months over periods,
/// distinct participants of a period between those of its parts, goals' counts so far (enrolments, exits into
/// work, women and participants, the women's share as the ratio of its two published counts), and which breakdown
/// keys are listed. A published figure says what the contract and docs/privacy.md let an attacker read from it:
/// <c>0</c> is exactly 0; <c>..</c> is at least 1 (a count of 1 to k − 1, or one whose perturbed value fell under
/// k: at most k − 1 + <see cref="MaxNoise"/>); a number y is a count of at least k within <see cref="MaxNoise"/> of y.
/// CP-SAT then looks, for every suppressed count, for a solution in which it differs from its true value.
/// </summary>
internal sealed class PublicationAttack
{
    /// <summary>The p-table's largest noise, as docs/privacy.md states it.</summary>
    internal const int MaxNoise = 40;

    private const int Top = 2_000; // no count of a test series comes near it

    private const long Any = 1_000_000_000; // the open side of an inequality

    // The contract's enumerations (§1) and the breakdown keys of §6, written out.
    internal static readonly string[] Genders = ["woman", "man", "non-binary", "unspecified"];
    internal static readonly string[] Educations = ["unknown", "none", "pre-upper-secondary", "upper-secondary", "post-secondary"];
    internal static readonly string[] Reasons = ["completed", "early-exit", "discontinued", "moved", "other"];
    internal static readonly string[] Outcomes = ["work", "studies", "job-seeking", "other", "unknown"];
    internal static readonly string[] Forms = ["unknown", "regular", "subsidised", "hourly", "seasonal", "other"];
    internal static readonly string[] Subsidies = ["unknown", "nystartsjobb", "introduktionsjobb", "extratjanst", "lonebidrag", "other"];

    private readonly List<(string Name, long Truth)> _vars = [];
    private readonly List<(Dictionary<int, long> Terms, long Lo, long Hi)> _constraints = [];
    private readonly List<(string Name, Dictionary<int, long> Expression, long Truth)> _suppressed = [];
    private readonly int _k;

    private PublicationAttack(int k) => _k = k;

    /// <summary>The suppressed counts whose value the attacker can work out exactly (empty when the promise holds), and the labels that are untrue.</summary>
    internal sealed record Outcome(IReadOnlyList<string> Exact, IReadOnlyList<string> Untrue, int Suppressed, int Reports);

    /// <summary>Publishes every report of the series, builds the attacker's program, and attacks it.</summary>
    /// <param name="program">The program (its goals are tracked).</param>
    /// <param name="histories">The records.</param>
    /// <param name="months">The program's months, in order, the first being the program's first.</param>
    /// <param name="periods">The published periods besides the months (each a run of whole months of the program).</param>
    /// <param name="k">The threshold.</param>
    internal static Outcome Run(ProgramDefinition program, IReadOnlyList<ParticipantHistory> histories, IReadOnlyList<YearMonth> months, IEnumerable<ReportPeriod> periods, int k)
    {
        var attack = new PublicationAttack(k);
        var untrue = new List<string>();
        ProgramReport Count(ReportPeriod period)
        {
            var accumulator = new ReportAccumulator(program, period);
            foreach (var history in histories)
            {
                accumulator.Add(history, true);
            }

            return accumulator.ToReport();
        }

        var start = months[0].OnDayOfMonth(1);
        var series = months.Select(ReportPeriod.Month).Concat(periods).DistinctBy(p => (p.From, p.To)).ToList();

        // Months: the additive counts of §6, with their group sums.
        var monthly = new List<Dictionary<string, int>>();
        foreach (var month in months)
        {
            var exact = Exact(Count(ReportPeriod.Month(month)));
            var v = new Dictionary<string, int>(StringComparer.Ordinal);
            void Var(string figure) => v[figure] = attack.NewVar($"{month} {figure}", exact.GetValueOrDefault(figure, 0));
            foreach (string f in new[] { "entered", "exited.total", "exited.selfSupporting", "followUps.total" })
            {
                Var(f);
            }

            foreach (var (prefix, keys) in Additive)
            {
                foreach (string key in keys)
                {
                    Var($"{prefix}.{key}");
                }
            }

            attack.Sum(v, "exited.total", "exited.byReason", Reasons);
            attack.Sum(v, "exited.total", "exited.byOutcome", Outcomes);
            attack.Sum(v, "exited.byOutcome.work", "exited.byEmploymentForm", Forms);
            attack.Sum(v, "exited.byEmploymentForm.subsidised", "exited.bySubsidy", Subsidies);
            attack.Sum(v, "followUps.total", "followUps.byOutcome", Outcomes);
            attack.Add(new() { [v["exited.selfSupporting"]] = 1, [v["exited.total"]] = -1 }, -Any, 0);
            monthly.Add(v);
        }

        // Counts so far at each month's end (goals): distinct participants and women enrolled by then.
        var soFar = new List<(int Participants, int Women)>();
        for (int e = 0; e < months.Count; e++)
        {
            var exact = Exact(Count(ReportPeriod.Between(start, months[e].OnDayOfMonth(1).PlusMonths(1).PlusDays(-1))));
            int n = attack.NewVar($"so far {months[e]} participants", exact["participants.total"]);
            int w = attack.NewVar($"so far {months[e]} women", exact.GetValueOrDefault("participants.byGender.woman", 0));
            attack.Add(new() { [w] = 1, [n] = -1 }, -Any, 0);
            var enrolled = new Dictionary<int, long> { [n] = 1 };
            for (int m = 0; m <= e; m++)
            {
                enrolled[monthly[m]["entered"]] = -1;
            }

            attack.Add(enrolled, -Any, 0); // each participant so far was enrolled at least once by then
            if (e > 0)
            {
                attack.Add(new() { [soFar[e - 1].Participants] = 1, [n] = -1 }, -Any, 0);
                attack.Add(new() { [soFar[e - 1].Women] = 1, [w] = -1 }, -Any, 0);
            }

            soFar.Add((n, w));
        }

        // Every report of the series, published.
        var people = new List<(int[] Months, Dictionary<string, int> Vars)>();
        foreach (var period in series)
        {
            var report = Count(period);
            int[] within = [.. Enumerable.Range(0, months.Count).Where(m => period.Contains(months[m].OnDayOfMonth(1)))];
            int end = within.Max();
            var shown = Shown(report, k);
            var exact = Exact(report);
            foreach (var (figure, text) in shown.Where(r => !r.Key.StartsWith("goals.", StringComparison.Ordinal)))
            {
                untrue.AddRange(attack.Untrue($"{period} {figure}", text, exact.GetValueOrDefault(figure, 0)));
            }

            // Distinct people of the period: their own counts, with their group sums.
            var v = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string f in new[] { "participants.total", "jobInterviews.participants", "jobInterviews.hired" })
            {
                v[f] = attack.NewVar($"{period} {f}", exact.GetValueOrDefault(f, 0));
            }

            string[] states = ["enrolled", .. program.Phases.Select(p => p.Id), "paused", "exited"];
            foreach (var (prefix, keys) in new[] { ("participants.byGender", Genders), ("participants.byEducation", Educations), ("participants.byState", states) })
            {
                foreach (string key in keys)
                {
                    v[$"{prefix}.{key}"] = attack.NewVar($"{period} {prefix}.{key}", exact.GetValueOrDefault($"{prefix}.{key}", 0));
                }

                attack.Sum(v, "participants.total", prefix, keys);
            }

            attack.Add(new() { [v["jobInterviews.hired"]] = 1, [v["jobInterviews.participants"]] = -1 }, -Any, 0);
            var exitedState = new Dictionary<int, long> { [v["participants.byState.exited"]] = 1 };
            foreach (int m in within)
            {
                exitedState[monthly[m]["exited.total"]] = -1;
            }

            attack.Add(exitedState, -Any, 0); // each participant who left in the period has an exit in it
            attack.Add(new() { [v["participants.total"]] = 1, [soFar[end].Participants] = -1 }, -Any, 0);
            attack.Add(new() { [v["participants.byGender.woman"]] = 1, [soFar[end].Women] = -1 }, -Any, 0);
            if (period.From == start)
            {
                attack.Add(new() { [v["participants.total"]] = 1, [soFar[end].Participants] = -1 }, 0, 0);
                attack.Add(new() { [v["participants.byGender.woman"]] = 1, [soFar[end].Women] = -1 }, 0, 0);
            }

            people.Add((within, v));

            // What the attacker reads from each published figure.
            foreach (var (figure, text) in shown)
            {
                if (figure.StartsWith("goals.", StringComparison.Ordinal))
                {
                    continue;
                }

                var expression = v.TryGetValue(figure, out int own) ? new Dictionary<int, long> { [own] = 1 }
                    : within.ToDictionary(m => monthly[m][figure], _ => 1L);
                attack.Published($"{period} {figure}", expression, text, exact.GetValueOrDefault(figure, 0));
            }

            // A breakdown key the report leaves out has no one in it (§6).
            foreach (var (prefix, keys) in new[] { ("participants.byGender", Genders), ("participants.byEducation", Educations), ("participants.byState", states) })
            {
                foreach (string key in keys.Where(key => !shown.ContainsKey($"{prefix}.{key}")))
                {
                    attack.Add(new() { [v[$"{prefix}.{key}"]] = 1 }, 0, 0);
                }
            }

            foreach (var (prefix, keys) in Additive)
            {
                foreach (string key in keys.Where(key => !shown.ContainsKey($"{prefix}.{key}")))
                {
                    attack.Add(within.ToDictionary(m => monthly[m][$"{prefix}.{key}"], _ => 1L), 0, 0);
                }
            }

            // Goals, as of the period's last day: counts so far from the program's start, and the women's share.
            foreach (var goal in program.Goals!.Value.Where(g => g.IsMeasurable))
            {
                string actual = shown[$"goals.{goal.Id}.actual"];
                var exactGoal = report.Goals.Single(g => g.Id == goal.Id);
                if (goal.Quantity == GoalQuantity.WomenShare)
                {
                    attack.Share($"{period} {goal.Id}", soFar[end], actual);
                    continue;
                }

                string figure = goal.Quantity == GoalQuantity.Enrolments ? "entered" : "exited.byOutcome.work";
                var expression = Enumerable.Range(0, end + 1).ToDictionary(m => monthly[m][figure], _ => 1L);
                untrue.AddRange(attack.Untrue($"{period} goals.{goal.Id}.actual", actual, exactGoal.Count));
                attack.Published($"{period} goals.{goal.Id}.actual", expression, actual, exactGoal.Count);
                if (long.TryParse(actual, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
                {
                    // The status says what the published value says, and nothing of the exact one (reports.md's rule).
                    string status = shown[$"goals.{goal.Id}.status"];
                    bool reached = goal.Bound == GoalBound.AtMost ? value <= goal.Target : value >= goal.Target;
                    if (goal.Bound == GoalBound.AtLeast && reached != (status == "met"))
                    {
                        untrue.Add($"{period} goals.{goal.Id}.status {status} with a published actual of {value} for a target of {goal.Target}");
                    }
                }
            }
        }

        // Distinct people of a period: at least those of any period inside it, at most those of its months together.
        string[] distinct = [.. people[0].Vars.Keys.Where(f => !f.Contains(".byState.", StringComparison.Ordinal))];
        foreach (var (inner, innerVars) in people)
        {
            foreach (var (outer, outerVars) in people.Where(o => o.Months.Length > inner.Length && inner.All(o.Months.Contains)))
            {
                foreach (string f in distinct)
                {
                    attack.Add(new() { [innerVars[f]] = 1, [outerVars[f]] = -1 }, -Any, 0);
                }
            }

            if (inner.Length > 1)
            {
                var parts = people.Where(p => p.Months.Length == 1 && inner.Contains(p.Months[0])).ToList();
                foreach (string f in distinct)
                {
                    var terms = parts.ToDictionary(p => p.Vars[f], _ => -1L);
                    terms[innerVars[f]] = 1;
                    attack.Add(terms, -Any, 0);
                }
            }
        }

        return new Outcome(attack.Pinned(), untrue, attack._suppressed.Count, series.Count);
    }

    private static readonly (string Prefix, string[] Keys)[] Additive =
    [
        ("exited.byReason", Reasons), ("exited.byOutcome", Outcomes), ("exited.byEmploymentForm", Forms),
        ("exited.bySubsidy", Subsidies), ("followUps.byOutcome", Outcomes),
    ];

    /// <summary>The report's rows by figure, as publication mode shows them.</summary>
    internal static Dictionary<string, string> Shown(ProgramReport report, int k)
        => ReportWriter.Rows(report, new ReportOptions(true) { MinCell = k }).ToDictionary(r => r.Figure, r => r.Value);

    /// <summary>The report's exact counts by figure (goals' actuals aside).</summary>
    private static Dictionary<string, int> Exact(ProgramReport report)
        => ReportWriter.Rows(report).Where(r => int.TryParse(r.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToDictionary(r => r.Figure, r => int.Parse(r.Value, CultureInfo.InvariantCulture));

    private int NewVar(string name, long truth)
    {
        _vars.Add((name, truth));
        return _vars.Count - 1;
    }

    private void Add(Dictionary<int, long> terms, long lo, long hi) => _constraints.Add((terms, lo, hi));

    private void Sum(Dictionary<string, int> v, string total, string prefix, IEnumerable<string> keys)
    {
        var terms = keys.ToDictionary(key => v[$"{prefix}.{key}"], _ => 1L);
        terms[v[total]] = -1;
        Add(terms, 0, 0);
    }

    /// <summary>Whether a published label is untrue of the exact count.</summary>
    private IEnumerable<string> Untrue(string name, string text, long truth)
    {
        bool ok = text == "0" ? truth == 0
            : text == ".." ? truth >= 1
            : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long y) && truth >= _k && Math.Abs(y - truth) <= MaxNoise;
        return ok ? [] : [$"{name} shown as {text}, exactly {truth}"];
    }

    /// <summary>What a published figure tells the attacker; a suppressed one becomes a target.</summary>
    private void Published(string name, Dictionary<int, long> expression, string text, long truth)
    {
        if (text == "0")
        {
            Add(expression, 0, 0);
        }
        else if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long y))
        {
            Add(expression, Math.Max(_k, y - MaxNoise), y + MaxNoise);
        }
        else
        {
            // Suppressed, whatever mark: at least 1 (0 is shown), at most k − 1 + the largest noise.
            Add(expression, 1, _k - 1 + MaxNoise);
            _suppressed.Add((name, expression, truth));
        }
    }

    /// <summary>The women's share as published: the ratio (to 4 decimals) of two perturbed counts within the noise of women and participants so far.</summary>
    private void Share(string name, (int Participants, int Women) soFar, string text)
    {
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal share))
        {
            return; // suppressed: a share is not a count; its counts are attacked where they are published
        }

        if (share == 0)
        {
            Add(new() { [soFar.Women] = 1 }, 0, 0);
            return;
        }

        int women = NewVar($"{name} women as published", -1), of = NewVar($"{name} participants as published", -1);
        Add(new() { [women] = 1, [soFar.Women] = -1 }, -MaxNoise, MaxNoise);
        Add(new() { [of] = 1, [soFar.Participants] = -1 }, -MaxNoise, MaxNoise);
        Add(new() { [women] = 1 }, _k, Top);
        Add(new() { [of] = 1 }, _k, Top);
        long s = (long)(share * 20_000); // 2·10⁴·share: the share is women/of rounded to 4 decimals
        if (share == 1)
        {
            Add(new() { [women] = 1, [of] = -1 }, 0, Any);
            return;
        }

        Add(new() { [women] = 20_000, [of] = -(s - 1) }, 0, 1_000_000_000_000);
        Add(new() { [women] = 20_000, [of] = -(s + 1) }, -1_000_000_000_000, 0);
    }

    /// <summary>The suppressed counts the attacker pins down exactly: none may be left.</summary>
    private List<string> Pinned()
    {
        // The exact counts themselves must satisfy everything the attacker reads: else the attack is wrong.
        var broken = _constraints.Where(c => c.Terms.Keys.All(i => _vars[i].Truth >= 0))
            .Where(c => c.Terms.Sum(t => _vars[t.Key].Truth * t.Value) is var sum && (sum < c.Lo || sum > c.Hi))
            .Select(c => string.Join(" + ", c.Terms.Select(t => $"{t.Value}·[{_vars[t.Key].Name} = {_vars[t.Key].Truth}]")) + $" in [{c.Lo}, {c.Hi}]");
        Assert.True(Solve(fixTruth: true, targets: []) is not null, "the true counts do not satisfy the attacker's program: " + string.Join("; ", broken.Take(5)));
        var open = _suppressed.DistinctBy(s => string.Join(",", s.Expression.OrderBy(t => t.Key).Select(t => $"{t.Key}:{t.Value}"))).ToList();

        // A solution in which at least `want` of those left differ from their true values; halve `want` when there is
        // none; when not even one can differ, those left are worked out exactly.
        int want = (open.Count + 1) / 2;
        while (open.Count > 0)
        {
            var solution = Solve(fixTruth: false, targets: open, atLeast: want);
            if (solution is null)
            {
                if (want == 1)
                {
                    return [.. open.Select(o => $"{o.Name} = {o.Truth}")];
                }

                want /= 2;
                continue;
            }

            open.RemoveAll(o => o.Expression.Sum(t => solution[t.Key] * t.Value) != o.Truth);
            want = Math.Min(want, (open.Count + 1) / 2);
        }

        return [];
    }

    /// <summary>A solution in which one of <paramref name="targets"/> differs from its true value, or <c>null</c> if there is none.</summary>
    private long[]? Solve(bool fixTruth, List<(string Name, Dictionary<int, long> Expression, long Truth)> targets, int atLeast = 0)
    {
        var model = new CpModel();
        var x = _vars.Select(v => model.NewIntVar(0, Top, v.Name)).ToArray();
        LinearExpr Expr(Dictionary<int, long> terms) => LinearExpr.WeightedSum(terms.Keys.Select(i => x[i]), terms.Values);
        foreach (var (terms, lo, hi) in _constraints)
        {
            model.AddLinearConstraint(Expr(terms), lo, hi);
        }

        for (int i = 0; i < _vars.Count; i++)
        {
            if (fixTruth && _vars[i].Truth >= 0)
            {
                model.Add(x[i] == _vars[i].Truth);
            }
            else if (_vars[i].Truth >= 0)
            {
                model.AddHint(x[i], _vars[i].Truth);
            }
        }

        var differs = new List<ILiteral>();
        foreach (var (_, expression, truth) in targets)
        {
            var below = model.NewBoolVar("below");
            var above = model.NewBoolVar("above");
            model.Add(Expr(expression) <= truth - 1).OnlyEnforceIf(below);
            model.Add(Expr(expression) >= truth + 1).OnlyEnforceIf(above);
            differs.Add(below);
            differs.Add(above);
        }

        if (differs.Count > 0)
        {
            model.Add(LinearExpr.Sum(differs.Cast<BoolVar>()) >= atLeast);
        }

        var solver = new CpSolver { StringParameters = "num_workers:1,max_time_in_seconds:60" };
        var status = solver.Solve(model);
        Assert.True(status != CpSolverStatus.Unknown, "the attack did not conclude"); // it must, either way
        return status is CpSolverStatus.Feasible or CpSolverStatus.Optimal ? [.. x.Select(v => solver.Value(v))] : null;
    }
}
