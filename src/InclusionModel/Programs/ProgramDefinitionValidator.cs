using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using InclusionModel.Contract;
using InclusionModel.Privacy;

namespace InclusionModel.Programs;

/// <summary>
/// The rules every program definition obeys before it reaches the engine. Every failure is reported,
/// each with the JSON path of the value at fault (<c>$.phases[1].minimumMonths</c>).
/// </summary>
/// <remarks>
/// The rules are listed in <c>docs/program-definitions.md</c>; each has an example test. Internal: FluentValidation
/// is how the library checks a definition, not part of its API; a definition is checked through
/// <see cref="ProgramDefinitionJson.Parse(ReadOnlySpan{byte})"/> or <see cref="ProgramDefinitionBuilder.Build"/>.
/// </remarks>
internal sealed partial class ProgramDefinitionValidator : AbstractValidator<ProgramDefinition>
{
    /// <summary>The longest id a program, phase, goal or staff role may have (<see cref="ProgramDefinitionLimits.MaxIdLength"/>).</summary>
    internal const int MaxIdLength = ProgramDefinitionLimits.MaxIdLength;

    /// <summary>The highest age a <c>working-age</c> rule may name (<see cref="ProgramDefinitionLimits.MaxAge"/>).</summary>
    internal const int MaxAge = ProgramDefinitionLimits.MaxAge;

    private readonly ITargetGroupRuleCatalogue _rules;

    /// <summary>The shared instance, for the standard rules; validators are stateless and thread-safe.</summary>
    internal static ProgramDefinitionValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The target-group rules definitions may name; default the standard rules of docs/interchange-contract.md §5.</param>
    internal ProgramDefinitionValidator(ITargetGroupRuleCatalogue? rules = null)
    {
        _rules = rules ?? TargetGroupRules.Catalogue;
        RuleFor(p => p.Id)
            .Must(IsKebabCase).WithMessage(p => InclusionModel.Texts.Format("definition.not-a-kebab-case-id", Quote(p.Id), MaxIdLength))
            .Must(id => !PersonalIdentityNumbers.HoldsOne(id)).WithMessage(_ => InclusionModel.Texts.Get("definition.program-id-holds-identity-number"));
        RuleFor(p => p.Name).NotEmpty().WithMessage(_ => InclusionModel.Texts.Get("definition.needs-a-name"));
        RuleFor(p => p.Places)
            .GreaterThan(0).When(p => p.Places.HasValue).WithMessage(p => InclusionModel.Texts.Format("definition.places-above-zero", p.Places));
        RuleFor(p => p.Budget).Custom((budget, ctx) => CheckBudget(budget, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckTexts(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckPeriod(p, ctx));
        RuleFor(p => p.Phases)
            .NotEmpty().WithMessage(_ => InclusionModel.Texts.Get("definition.needs-a-phase"));
        RuleFor(p => p.Phases)
            .Must(phases => phases.IsDefaultOrEmpty || !phases[^1].IsOptional)
            .WithMessage(_ => InclusionModel.Texts.Get("definition.last-phase-optional"));
        RuleForEach(p => p.Phases).SetValidator(new PhaseValidator());
        RuleFor(p => p.Phases).Custom((phases, ctx) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < (phases.IsDefault ? 0 : phases.Length); i++)
            {
                if (!seen.Add(phases[i].Id ?? ""))
                {
                    Fail(ctx, $"$.phases[{i}]", InclusionModel.Texts.Format("definition.phase-id-used-twice", Quote(phases[i].Id)));
                }
            }
        });
        RuleFor(p => p).Custom((p, ctx) => CheckStaff(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckTargetGroup(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckGoals(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckReports(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckSources(p, ctx));
    }

    /// <summary>Whether <paramref name="id"/> is a kebab-case id of 1–64 characters.</summary>
    /// <param name="id">The id to check.</param>
    /// <returns><c>true</c> when the id is acceptable.</returns>
    public static bool IsKebabCase(string? id)
        => id is { Length: > 0 and <= MaxIdLength } && KebabCase().IsMatch(id);

    private static string Quote(string? value) => PersonalIdentityNumbers.SafeToQuote(value ?? "");

    private static void Fail<T>(ValidationContext<T> ctx, string path, string message) => ctx.AddFailure(new ValidationFailure(path, message));

    private static void CheckBudget(Budget? budget, ValidationContext<ProgramDefinition> ctx)
    {
        if (budget is not { } b)
        {
            return;
        }

        if (b.Amount <= 0)
        {
            Fail(ctx, "$.budget.amount", InclusionModel.Texts.Format("definition.budget-above-zero", b.Amount));
        }

        if (b.Currency is null || !CurrencyCode().IsMatch(b.Currency))
        {
            Fail(ctx, "$.budget.currency", InclusionModel.Texts.Format("definition.not-a-currency", Quote(b.Currency)));
        }
    }

    /// <summary>Free texts: present ones are not blank, lists hold no blank or repeated entry, and no text carries personal data.</summary>
    private static void CheckTexts(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        CheckList(ctx, "$.partners", p.Partners);
        CheckList(ctx, "$.municipalities", p.Municipalities);
        CheckList(ctx, "$.funders", p.Funders);
        CheckList(ctx, "$.methods", p.LocalizedMethods);
        foreach (var (path, text) in Texts(p))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (path != "$.name" && path != "$.id")
                {
                    Fail(ctx, path, InclusionModel.Texts.Get("definition.stated-text-blank"));
                }
            }
            else if (PersonalIdentityNumbers.ContainsOne(text))
            {
                Fail(ctx, path, InclusionModel.Texts.Get("definition.contains-identity-number"));
            }
            else if (EmailAddress().IsMatch(text))
            {
                Fail(ctx, path, InclusionModel.Texts.Get("definition.contains-email-address"));
            }
        }
    }

    /// <summary>No entry listed twice (case and surrounding spaces aside): the texts' check, each entry one text for every language.</summary>
    private static void CheckList(ValidationContext<ProgramDefinition> ctx, string path, ImmutableArray<string>? list)
        => CheckList(ctx, path, list is { } items ? [.. items.Select(item => LocalizedText.Plain(item ?? ""))] : (ImmutableArray<LocalizedText>?)null); // a null entry, as a blank one, is no entry twice

    /// <summary>No text listed twice: two entries the same in a language (a plain text is the same in every language).</summary>
    private static void CheckList(ValidationContext<ProgramDefinition> ctx, string path, ImmutableArray<LocalizedText>? list)
    {
        if (list is not { } items)
        {
            return;
        }

        var seen = LocalizedText.Languages.ToDictionary(l => l, _ => new HashSet<string>(StringComparer.OrdinalIgnoreCase), StringComparer.Ordinal);
        for (int i = 0; i < items.Length; i++)
        {
            string? twice = null;
            foreach (string language in LocalizedText.Languages)
            {
                if (items[i].In(language) is { } text && !string.IsNullOrWhiteSpace(text) && !seen[language].Add(text.Trim()))
                {
                    twice ??= text;
                }
            }

            if (twice is not null)
            {
                Fail(ctx, $"{path}[{i}]", InclusionModel.Texts.Format("definition.listed-twice", Quote(twice)));
            }
        }
    }

    /// <summary>Every free text of a definition with its JSON path.</summary>
    internal static IEnumerable<(string Path, string? Text)> Texts(ProgramDefinition p)
    {
        yield return ("$.id", p.Id);
        yield return ("$.name", p.Name);
        foreach (var t in Text("$.description", p.LocalizedDescription)) yield return t;
        if (p.Owner is not null) yield return ("$.owner", p.Owner);
        foreach (var t in Text("$.purpose", p.LocalizedPurpose)) yield return t;
        foreach (var (name, list) in new[] { ("partners", p.Partners), ("municipalities", p.Municipalities), ("funders", p.Funders) })
        {
            if (list is { } items)
            {
                for (int i = 0; i < items.Length; i++) yield return ($"$.{name}[{i}]", items[i]);
            }
        }

        for (int i = 0; i < (p.LocalizedMethods?.Length ?? 0); i++)
        {
            foreach (var t in Text($"$.methods[{i}]", p.LocalizedMethods!.Value[i])) yield return t;
        }

        if (p.StrategicGoals is { } strategicGoals)
        {
            for (int i = 0; i < strategicGoals.Length; i++) yield return ($"$.strategicGoals[{i}]", strategicGoals[i]);
        }

        for (int i = 0; i < (p.Phases.IsDefault ? 0 : p.Phases.Length); i++)
        {
            foreach (var t in Text($"$.phases[{i}].names", p.Phases[i]?.Names)) yield return t;
        }

        if (p.Staff is { } staff)
        {
            for (int i = 0; i < staff.Length; i++)
            {
                foreach (var t in Text($"$.staff[{i}].description", staff[i].LocalizedDescription)) yield return t;
            }
        }

        if (p.TargetGroup is { } group)
        {
            foreach (var t in Text("$.targetGroup.description", group.LocalizedDescription)) yield return t;
            foreach (var (list, rules) in new[] { ("required", group.Required), ("exceptions", group.Exceptions) })
            {
                for (int i = 0; i < rules.Length; i++)
                {
                    foreach (var t in Text($"$.targetGroup.{list}[{i}].names", rules[i].Names)) yield return t;
                    if (rules[i].Municipalities is { } names)
                    {
                        for (int j = 0; j < names.Length; j++) yield return ($"$.targetGroup.{list}[{i}].municipalities[{j}]", names[j]);
                    }
                }
            }
        }

        if (p.Goals is { } goals)
        {
            for (int i = 0; i < goals.Length; i++)
            {
                foreach (var t in Text($"$.goals[{i}].names", goals[i].Names)) yield return t;
                foreach (var t in Text($"$.goals[{i}].description", goals[i].LocalizedDescription)) yield return t;
            }
        }

        if (p.Reports is { } reports)
        {
            for (int i = 0; i < reports.Length; i++)
            {
                if (reports[i].EvaluatedBy is not null) yield return ($"$.reports[{i}].evaluatedBy", reports[i].EvaluatedBy);
                if (reports[i].Recipient is not null) yield return ($"$.reports[{i}].recipient", reports[i].Recipient);
            }
        }

        for (int i = 0; i < p.Sources.Length; i++)
        {
            yield return ($"$.sources[{i}].file", p.Sources[i].File);
            if (p.Sources[i].Title is not null) yield return ($"$.sources[{i}].title", p.Sources[i].Title);
        }

        for (int i = 0; i < p.TakenAs.Length; i++)
        {
            if (p.TakenAs[i].Says is not null) yield return ($"$.takenAs[{i}].says", p.TakenAs[i].Says);
            foreach (var t in Text($"$.takenAs[{i}].reading", p.TakenAs[i].LocalizedReading)) yield return t;
        }

        for (int i = 0; i < p.StatedBy.Length; i++)
        {
            yield return ($"$.statedBy[{i}].says", p.StatedBy[i].Says);
        }

        for (int i = 0; i < p.Findings.Length; i++)
        {
            foreach (var t in Text($"$.findings[{i}].text", p.Findings[i].LocalizedText)) yield return t;
            yield return ($"$.findings[{i}].says", p.Findings[i].Says);
        }
    }

    /// <summary>A text people read with its path: a plain one at <paramref name="path"/>, one in languages at <c>path.sv</c> and <c>path.en</c>.</summary>
    private static IEnumerable<(string Path, string? Text)> Text(string path, LocalizedText? text)
    {
        if (text is null)
        {
            yield break;
        }

        if (text.IsPlain)
        {
            yield return (path, text.PlainText);
            yield break;
        }

        foreach (string language in LocalizedText.Languages)
        {
            if (text.In(language) is { } value)
            {
                yield return ($"{path}.{language}", value);
            }
        }
    }

    private static void CheckPeriod(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        var stages = new (string Name, DateRange? Range)[] { ("planning", p.Period.Planning), ("implementation", p.Period.Implementation), ("closing", p.Period.Closing) };
        var bounded = stages.Select(s => ($"$.period.{s.Name}", s.Range?.Start, s.Range?.End)).ToList();
        bounded.Add(("$.enrolmentWindow", p.StatedEnrolmentWindow?.Start, p.StatedEnrolmentWindow?.End));
        foreach (var (path, start, finish) in bounded)
        {
            foreach (var (end, date) in new[] { ("start", start), ("end", finish) })
            {
                if (date is { } d && (d < ProgramDefinitionLimits.EarliestDate || d > ProgramDefinitionLimits.LatestDate))
                {
                    Fail(ctx, $"{path}.{end}", InclusionModel.Texts.Format("definition.date-outside-calendar-range", IsoDates.Format(d), IsoDates.Format(ProgramDefinitionLimits.EarliestDate), IsoDates.Format(ProgramDefinitionLimits.LatestDate)));
                }
            }
        }

        foreach (var (name, range) in stages)
        {
            if (range is { IsEmpty: true } r)
            {
                Fail(ctx, $"$.period.{name}", InclusionModel.Texts.Format("definition.stage-starts-after-ends", DisplayNames.Name("stage", name), r));
            }
        }

        for (int i = 0; i < stages.Length; i++)
        {
            for (int j = i + 1; j < stages.Length; j++)
            {
                if (stages[i].Range is { } earlier && stages[j].Range is { } later
                    && (earlier.End ?? earlier.Start) is { } last && (later.Start ?? later.End) is { } first && last >= first)
                {
                    Fail(ctx, $"$.period.{stages[j].Name}", InclusionModel.Texts.Format("definition.stage-overlaps-previous", DisplayNames.Name("stage", stages[j].Name), IsoDates.Format(last), DisplayNames.Name("stage", stages[i].Name)));
                }
            }
        }

        if (p.StatedEnrolmentWindow is { } window)
        {
            if (window.Start is { } ws && window.End is { } we && ws > we)
            {
                Fail(ctx, "$.enrolmentWindow", InclusionModel.Texts.Format("definition.enrolment-window-starts-after-ends", window));
            }

            var implementation = ProgramSchedule.ImplementationOf(p.Period);
            if (window.Start is { } start && implementation.Start is { } implementationStart && start < implementationStart)
            {
                Fail(ctx, "$.enrolmentWindow.start", InclusionModel.Texts.Format("definition.enrolment-window-starts-before-implementation", IsoDates.Format(start), implementation));
            }

            if (window.End is { } end && implementation.End is { } implementationEnd && end > implementationEnd)
            {
                Fail(ctx, "$.enrolmentWindow.end", InclusionModel.Texts.Format("definition.enrolment-window-ends-after-implementation", IsoDates.Format(end), implementation));
            }
        }
    }

    private static void CheckStaff(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.Staff is not { } staff)
        {
            return;
        }

        for (int i = 0; i < staff.Length; i++)
        {
            var role = staff[i];
            string path = $"$.staff[{i}]";
            if (!IsKebabCase(role.Role))
            {
                Fail(ctx, $"{path}.role", InclusionModel.Texts.Format("definition.not-kebab-case-role-id", Quote(role.Role)));
            }
            else if (staff.Take(i).Any(r => r.Role == role.Role))
            {
                Fail(ctx, $"{path}.role", InclusionModel.Texts.Format("definition.role-listed-twice", role.Role));
            }

            if (role.Count is { } count && count < 1)
            {
                Fail(ctx, $"{path}.count", InclusionModel.Texts.Format("definition.staff-count-least", count));
            }

            if (role.PerMunicipality && role.Count is null)
            {
                Fail(ctx, $"{path}.perMunicipality", InclusionModel.Texts.Get("definition.per-municipality-without-count"));
            }

            if (role.PerMunicipality && p.Municipalities is null)
            {
                Fail(ctx, $"{path}.perMunicipality", InclusionModel.Texts.Get("definition.count-per-municipality-needs-program"));
            }
        }
    }

    private void CheckTargetGroup(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.TargetGroup is not { } group)
        {
            return;
        }

        if (group.Required.IsDefaultOrEmpty)
        {
            Fail(ctx, "$.targetGroup.required", InclusionModel.Texts.Get("definition.target-group-needs-a-required-rule"));
        }

        foreach (var (list, rules) in new[] { ("required", group.Required), ("exceptions", group.Exceptions) })
        {
            for (int i = 0; i < rules.Length; i++)
            {
                CheckRule(p, ctx, $"$.targetGroup.{list}[{i}]", rules[i], rules.Take(i));
                if (list == "exceptions" && group.Required.Contains(rules[i]))
                {
                    Fail(ctx, $"$.targetGroup.{list}[{i}]", InclusionModel.Texts.Format("definition.rule-required-and-exception", rules[i].Rule));
                }
            }
        }
    }

    private void CheckRule(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx, string path, TargetGroupRule rule, IEnumerable<TargetGroupRule> before)
    {
        if (rule.Rule is null || _rules.ParametersOf(rule.Rule) is not { } accepted)
        {
            Fail(ctx, $"{path}.rule", InclusionModel.Texts.Format("definition.not-a-target-group-rule", Quote(rule.Rule), string.Join(", ", _rules.Ids)));
            return;
        }

        if (before.Any(r => r.Rule == rule.Rule))
        {
            Fail(ctx, $"{path}.rule", InclusionModel.Texts.Format("definition.rule-named-twice", rule.Rule));
        }

        foreach (string parameter in rule.SetParameters.Where(s => !accepted.Contains(s)))
        {
            string takes = accepted.IsEmpty ? InclusionModel.Texts.Get("def.takes-none") : InclusionModel.Texts.Format("def.takes-only", string.Join(", ", accepted));
            Fail(ctx, $"{path}.{parameter}", InclusionModel.Texts.Format("definition.not-a-rule-parameter", parameter, rule.Rule, takes));
        }

        switch (rule.Rule)
        {
            case TargetGroupRules.ResidesInMunicipality:
                if (rule.Municipalities is { } names)
                {
                    if (names.IsEmpty)
                    {
                        Fail(ctx, $"{path}.municipalities", InclusionModel.Texts.Get("definition.names-no-municipality"));
                    }

                    for (int j = 0; j < names.Length; j++)
                    {
                        if (string.IsNullOrWhiteSpace(names[j]))
                        {
                            Fail(ctx, $"{path}.municipalities[{j}]", InclusionModel.Texts.Get("definition.municipality-name-cannot-blank"));
                        }
                        else if (names.Take(j).Contains(names[j], StringComparer.OrdinalIgnoreCase))
                        {
                            Fail(ctx, $"{path}.municipalities[{j}]", InclusionModel.Texts.Format("definition.listed-twice", Quote(names[j])));
                        }
                    }
                }
                else if (p.Municipalities is not { Length: > 0 })
                {
                    Fail(ctx, $"{path}.municipalities", InclusionModel.Texts.Get("definition.rule-needs-municipalities"));
                }

                break;
            case TargetGroupRules.WorkingAge:
                int min = rule.MinimumAge ?? TargetGroupRules.DefaultMinimumAge, max = rule.MaximumAge ?? TargetGroupRules.DefaultMaximumAge;
                if (rule.MinimumAge is { } a && (a < 0 || a > MaxAge))
                {
                    Fail(ctx, $"{path}.minimumAge", InclusionModel.Texts.Format("definition.age-range", MaxAge, a));
                }
                else if (rule.MaximumAge is { } b && (b < 0 || b > MaxAge))
                {
                    Fail(ctx, $"{path}.maximumAge", InclusionModel.Texts.Format("definition.age-range", MaxAge, b));
                }
                else if (min > max)
                {
                    Fail(ctx, $"{path}.{(rule.MinimumAge.HasValue ? "minimumAge" : "maximumAge")}", InclusionModel.Texts.Format("definition.age-range-empty", min, max, TargetGroupRules.DefaultMinimumAge, TargetGroupRules.DefaultMaximumAge));
                }

                break;
            case TargetGroupRules.ReceivesSocialAssistance:
                if (rule.Months is { } m && (m < 1 || m > 24))
                {
                    Fail(ctx, $"{path}.months", InclusionModel.Texts.Format("definition.months-range", m));
                }

                break;
            case TargetGroupRules.LongTermSocialAssistance:
                int of = rule.OfMonths ?? TargetGroupRules.DefaultLongTermOfMonths;
                if (rule.OfMonths is { } o && (o < 1 || o > 120))
                {
                    Fail(ctx, $"{path}.ofMonths", InclusionModel.Texts.Format("definition.of-months-range", o));
                }
                else if ((rule.Months ?? TargetGroupRules.DefaultLongTermMonths) is var months && (months < 1 || months > of))
                {
                    Fail(ctx, $"{path}.{(rule.Months.HasValue ? "months" : "ofMonths")}", InclusionModel.Texts.Format("definition.months-within-of-months", months, of, TargetGroupRules.DefaultLongTermMonths, TargetGroupRules.DefaultLongTermOfMonths));
                }

                break;
            case TargetGroupRules.NewlyArrived:
                if (rule.WithinMonths is { } w && (w < 1 || w > 600))
                {
                    Fail(ctx, $"{path}.withinMonths", InclusionModel.Texts.Format("definition.within-months-range", w));
                }

                break;
            case TargetGroupRules.LongTermUnemployed:
                if (rule.Months is { } u && (u < 1 || u > 120))
                {
                    Fail(ctx, $"{path}.months", InclusionModel.Texts.Format("def.unemployed-months", u));
                }

                break;
        }
    }

    private static void CheckGoals(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.Goals is not { } goals)
        {
            return;
        }

        var last = ProgramSchedule.LastDayOf(p.Period);
        var first = ProgramSchedule.ImplementationOf(p.Period).Start;
        for (int i = 0; i < goals.Length; i++)
        {
            var goal = goals[i];
            string path = $"$.goals[{i}]";
            if (!IsKebabCase(goal.Id))
            {
                Fail(ctx, $"{path}.id", InclusionModel.Texts.Format("definition.not-kebab-case-goal-id", Quote(goal.Id)));
            }
            else if (goals.Take(i).Any(g => g.Id == goal.Id))
            {
                Fail(ctx, $"{path}.id", InclusionModel.Texts.Format("definition.goal-id-used-twice", goal.Id));
            }

            if (goal.Quantity is { } undefined && !Enum.IsDefined(undefined))
            {
                Fail(ctx, $"{path}.quantity", InclusionModel.Texts.Format("definition.not-a-quantity", string.Join(", ", ContractNames<GoalQuantity>.All)));
                continue;
            }

            if (goal.Quantity is { } quantity && goals.Take(i).FirstOrDefault(g => g.Quantity == quantity) is { } earlier)
            {
                Fail(ctx, $"{path}.quantity", InclusionModel.Texts.Format("definition.quantity-already-tracked", ContractNames<GoalQuantity>.Name(quantity), earlier.Id));
            }

            if (goal.Quantity.HasValue != goal.Target.HasValue)
            {
                Fail(ctx, goal.Quantity.HasValue ? $"{path}.target" : $"{path}.quantity",
                    goal.Quantity.HasValue ? "a goal with a quantity needs a target" : "a target needs the quantity it counts (enrolments, women-share, exits-into-work, exits-into-studies)");
            }

            if (!goal.Quantity.HasValue && goal.Description is null)
            {
                Fail(ctx, $"{path}.description", InclusionModel.Texts.Get("definition.goal-in-words-needs-description"));
            }

            if (goal.IsMeasurable && (first is null || ProgramSchedule.ImplementationOf(p.Period).End is null))
            {
                Fail(ctx, $"{path}.quantity", InclusionModel.Texts.Get("definition.measurable-goal-needs-implementation"));
            }

            if (goal.Quantity is { } q && goal.Target is { } target)
            {
                CheckTarget(ctx, $"{path}.target", q, target);
                if (q != GoalQuantity.WomenShare && p.Places is { } places and > 0 && target > places)
                {
                    Fail(ctx, $"{path}.target", InclusionModel.Texts.Format("definition.target-above-places", target, places));
                }
            }

            if (!Enum.IsDefined(goal.Bound))
            {
                Fail(ctx, $"{path}.bound", InclusionModel.Texts.Get("definition.not-a-bound"));
            }
            else if (goal.Bound == GoalBound.AtMost && !goal.IsMeasurable)
            {
                Fail(ctx, $"{path}.bound", InclusionModel.Texts.Get("definition.ceiling-needs-quantity-target"));
            }
            else if (goal.Bound == GoalBound.AtMost && !goal.Milestones.IsEmpty)
            {
                Fail(ctx, $"{path}.milestones", InclusionModel.Texts.Get("definition.ceiling-has-no-milestones"));
            }

            if (!goal.IsMeasurable && !goal.Milestones.IsEmpty)
            {
                Fail(ctx, $"{path}.milestones", InclusionModel.Texts.Get("definition.milestones-need-quantity-goal"));
                continue;
            }

            for (int j = 0; j < goal.Milestones.Length; j++)
            {
                var milestone = goal.Milestones[j];
                string at = $"{path}.milestones[{j}]";
                if (j > 0 && milestone.On <= goal.Milestones[j - 1].On)
                {
                    Fail(ctx, $"{at}.on", InclusionModel.Texts.Get("definition.milestones-out-of-date-order"));
                }

                if (j > 0 && milestone.Target < goal.Milestones[j - 1].Target)
                {
                    Fail(ctx, $"{at}.target", InclusionModel.Texts.Get("definition.milestone-below-previous"));
                }

                if (goal.Quantity is { } mq)
                {
                    CheckTarget(ctx, $"{at}.target", mq, milestone.Target);
                }

                if (goal.Target is { } whole && milestone.Target > whole)
                {
                    Fail(ctx, $"{at}.target", InclusionModel.Texts.Format("definition.milestone-above-goal", milestone.Target, whole));
                }

                if ((first is { } f && milestone.On < f) || (last is { } l && milestone.On > l))
                {
                    Fail(ctx, $"{at}.on", InclusionModel.Texts.Format("definition.outside-program-s-period", IsoDates.Format(milestone.On)));
                }
            }
        }
    }

    private static void CheckTarget(ValidationContext<ProgramDefinition> ctx, string path, GoalQuantity quantity, decimal target)
    {
        if (quantity == GoalQuantity.WomenShare)
        {
            if (target <= 0 || target > 1)
            {
                Fail(ctx, path, InclusionModel.Texts.Format("definition.share-above-one", target));
            }
        }
        else if (target < 1 || decimal.Truncate(target) != target)
        {
            Fail(ctx, path, InclusionModel.Texts.Format("definition.count-target-not-whole", target));
        }
    }

    private static void CheckReports(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.Reports is { } reports)
        {
            for (int i = 0; i < reports.Length; i++)
            {
                var duty = reports[i];
                if (!Enum.IsDefined(duty.Kind))
                {
                    Fail(ctx, $"$.reports[{i}].kind", InclusionModel.Texts.Format("definition.reporting-duty-needs-kind", string.Join(", ", ContractNames<ReportKind>.All)));
                    continue;
                }

                if (reports.Take(i).Any(r => r.Kind == duty.Kind))
                {
                    Fail(ctx, $"$.reports[{i}].kind", InclusionModel.Texts.Format("definition.report-kind-listed-twice", ContractNames<ReportKind>.Name(duty.Kind)));
                }

                if (duty.EvaluatedBy is not null && duty.Kind != ReportKind.FinalReport)
                {
                    Fail(ctx, $"$.reports[{i}].evaluatedBy", InclusionModel.Texts.Get("definition.only-final-report-names-evaluator"));
                }

                if (duty.DaysToSubmit is { } days && (days < 0 || days > 366))
                {
                    Fail(ctx, $"$.reports[{i}].daysToSubmit", InclusionModel.Texts.Format("definition.days-to-submit-range", days));
                }
            }
        }

        if (p.StrategicGoals is { } strategic)
        {
            for (int i = 0; i < strategic.Length; i++)
            {
                if (!Programs.StrategicGoals.TryGet(strategic[i], out _))
                {
                    Fail(ctx, $"$.strategicGoals[{i}]", InclusionModel.Texts.Format("definition.not-a-strategic-goal", Quote(strategic[i]), string.Join(", ", Programs.StrategicGoals.All.Select(g => g.Id))));
                }
                else if (strategic.Take(i).Contains(strategic[i]))
                {
                    Fail(ctx, $"$.strategicGoals[{i}]", InclusionModel.Texts.Format("definition.listed-twice", strategic[i]));
                }
            }
        }
    }

    private static void CheckSources(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        for (int i = 0; i < p.Sources.Length; i++)
        {
            string file = p.Sources[i].File;
            if (!string.IsNullOrWhiteSpace(file) && (file.Contains('/') || file.Contains('\\')))
            {
                Fail(ctx, $"$.sources[{i}].file", InclusionModel.Texts.Get("definition.source-without-file-name"));
            }
            else if (p.Sources.Take(i).Any(s => s.File == file))
            {
                Fail(ctx, $"$.sources[{i}].file", InclusionModel.Texts.Format("definition.source-listed-twice", Quote(file)));
            }
        }

        var stated = p.TakenAs.Length == 0 && p.StatedBy.Length == 0 ? null : ProgramDefinitionJson.ToNode(p);
        for (int i = 0; i < p.StatedBy.Length; i++)
        {
            var quote = p.StatedBy[i];
            string path = $"$.statedBy[{i}]";
            CheckAbout(p, ctx, stated!, path, quote.Path, quote.Source, InclusionModel.Texts.Get("def.noun.quote"), InclusionModel.Texts.Get("def.does.states"));
        }

        for (int i = 0; i < p.Findings.Length; i++)
        {
            var finding = p.Findings[i];
            if (!p.Sources.Any(s => s.File == finding.Source))
            {
                Fail(ctx, $"$.findings[{i}].source", InclusionModel.Texts.Format("definition.not-a-source", Quote(finding.Source)));
            }

        }

        for (int i = 0; i < p.TakenAs.Length; i++)
        {
            var reading = p.TakenAs[i];
            string path = $"$.takenAs[{i}]";
            CheckAbout(p, ctx, stated!, path, reading.Path, reading.Source, InclusionModel.Texts.Get("def.noun.reading"), InclusionModel.Texts.Get("def.does.fixes"));

            if (p.TakenAs.Take(i).Any(t => t.Path == reading.Path))
            {
                Fail(ctx, $"{path}.path", InclusionModel.Texts.Format("definition.already-has-a-reading", Quote(reading.Path)));
            }
        }
    }

    /// <summary>That a quote or reading at <paramref name="at"/> names a listed source and a stated value of the program itself.</summary>
    private static void CheckAbout(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx, System.Text.Json.Nodes.JsonNode stated, string at, string? path, string source, string noun, string does)
    {
        if (!p.Sources.Any(s => s.File == source))
        {
            Fail(ctx, $"{at}.source", InclusionModel.Texts.Format("definition.not-a-source", Quote(source)));
        }

        if (path is null || !JsonPaths.TryResolve(stated, path, out var value))
        {
            Fail(ctx, $"{at}.path", InclusionModel.Texts.Format("definition.path-names-no-field", Quote(path)));
        }
        else if (value is null)
        {
            Fail(ctx, $"{at}.path", InclusionModel.Texts.Format("definition.unknown-value-must-be-stated", path, noun, does));
        }
        else if (new[] { "$.takenAs", "$.sources", "$.statedBy", "$.findings" }.Any(own => path.StartsWith(own, StringComparison.Ordinal)))
        {
            Fail(ctx, $"{at}.path", InclusionModel.Texts.Format("definition.about-the-program-not-bookkeeping", noun));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    private sealed class PhaseValidator : AbstractValidator<PhaseDefinition>
    {
        public PhaseValidator()
        {
            RuleFor(p => p.Id)
                .Must(IsKebabCase).WithMessage(p => InclusionModel.Texts.Format("definition.not-a-kebab-case-phase-id", Quote(p.Id), MaxIdLength))
                .Must(id => !StateNames.IsReserved(id)).WithMessage(p => InclusionModel.Texts.Format("definition.phase-id-is-a-state-name", p.Id))
                .Must(id => !PersonalIdentityNumbers.HoldsOne(id)).WithMessage(_ => InclusionModel.Texts.Get("definition.phase-id-holds-identity-number"));
            RuleFor(p => p.MinimumMonths)
                .GreaterThanOrEqualTo(0).When(p => p.MinimumMonths.HasValue).WithMessage(p => InclusionModel.Texts.Format("definition.minimum-months-negative", p.MinimumMonths));
            RuleFor(p => p.MaximumMonths)
                .GreaterThan(0).When(p => p.MaximumMonths.HasValue).WithMessage(p => InclusionModel.Texts.Format("definition.maximum-months-not-above-zero", p.MaximumMonths));
            RuleFor(p => p.MaximumMonths)
                .Must((phase, max) => phase.MinimumMonths is not { } min || max is not { } m || min <= m)
                .WithMessage(p => InclusionModel.Texts.Format("definition.minimum-above-maximum-months", p.MinimumMonths, p.MaximumMonths));
            RuleFor(p => p.MinimumMonths)
                .LessThanOrEqualTo(ProgramDefinitionLimits.MaxMonths).When(p => p.MinimumMonths.HasValue)
                .WithMessage(p => InclusionModel.Texts.Format("definition.minimum-months-too-large", ProgramDefinitionLimits.MaxMonths, p.MinimumMonths));
            RuleFor(p => p.MaximumMonths)
                .LessThanOrEqualTo(ProgramDefinitionLimits.MaxMonths).When(p => p.MaximumMonths.HasValue)
                .WithMessage(p => InclusionModel.Texts.Format("definition.maximum-months-too-large", ProgramDefinitionLimits.MaxMonths, p.MaximumMonths));
            RuleFor(p => p.MaxStudyDaysPerWeek)
                .InclusiveBetween(0, 5).When(p => p.MaxStudyDaysPerWeek.HasValue).WithMessage(p => InclusionModel.Texts.Format("definition.max-study-days-range", p.MaxStudyDaysPerWeek));
        }
    }
}
